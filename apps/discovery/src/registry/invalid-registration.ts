/** A registration the registry refuses; `message` is the exact text it answers with (400). */
export class InvalidRegistration extends Error {}
