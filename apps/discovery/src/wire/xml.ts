import { XMLBuilder, XMLParser } from 'fast-xml-parser';

// The JSON codec's "$" and "@x" keys are the XML codec's text node and attributes.
const shape = { ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '$' };

const builder = new XMLBuilder({ ...shape, suppressBooleanAttributes: false, suppressEmptyNode: false });
const parser = new XMLParser({ ...shape, parseTagValue: false, parseAttributeValue: false });

export function toXml(rootName: string, body: unknown): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + builder.build({ [rootName]: body });
}

/** Eureka's XML never declares a DOCTYPE: one in a body can only be an entity-expansion attack. */
export function parseXml(text: string): Record<string, unknown> {
  if (/<!DOCTYPE/i.test(text)) throw new Error('a DOCTYPE is not accepted');
  return parser.parse(text) as Record<string, unknown>;
}
