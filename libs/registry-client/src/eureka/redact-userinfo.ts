/** `text` with the userinfo of any URL in it hidden: registry URLs may carry credentials. */
export const redactUserinfo = (text: string): string => text.replace(/\/\/[^/\s@]+@/g, '//***@');
