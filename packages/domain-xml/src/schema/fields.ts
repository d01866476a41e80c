// Short builders for the spec tables: one per value representation.
import { integer, onOff, text, yesNo } from '../xml/codecs.ts';
import { attribute, textChild, textContent, type AttributeField, type TextChildField, type TextField } from '../xml/element-spec.ts';

export const stringAttribute = (name: string): AttributeField<string> => attribute(name, text);
export const integerAttribute = (name: string): AttributeField<number> => attribute(name, integer);
export const yesNoAttribute = (name: string): AttributeField<boolean> => attribute(name, yesNo);
export const onOffAttribute = (name: string): AttributeField<boolean> => attribute(name, onOff);
export const stringText = (): TextField<string> => textContent(text);
export const integerText = (): TextField<number> => textContent(integer);
export const stringElement = (name: string): TextChildField<string> => textChild(name, text);
export const integerElement = (name: string): TextChildField<number> => textChild(name, integer);
