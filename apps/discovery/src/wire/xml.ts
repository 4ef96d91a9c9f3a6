import { XMLBuilder, XMLParser } from 'fast-xml-parser';

// The JSON codec's "$" and "@x" keys are the XML codec's text node and attributes.
const shape = { ignoreAttributes: false, attributeNamePrefix: '@', textNodeName: '$' };

const builder = new XMLBuilder({ ...shape, suppressBooleanAttributes: false, suppressEmptyNode: false });
const parser = new XMLParser({ ...shape, parseTagValue: false, parseAttributeValue: false });

export function toXml(rootName: string, body: unknown): string {
  return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' + builder.build({ [rootName]: body });
}

export function parseXml(text: string): Record<string, unknown> {
  return parser.parse(text) as Record<string, unknown>;
}
