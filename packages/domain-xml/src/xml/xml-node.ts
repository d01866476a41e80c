/** A generic XML element, used for content the typed model does not know (and for `<metadata>`). */
export interface XmlElement {
  /** Qualified name as written, prefix included (`qemu:arg`, `app1:foo`). */
  name: string;
  /** Attributes in document order, values unescaped. */
  attributes?: Record<string, string>;
  children?: XmlNode[];
}

/** Character data inside a generic element, unescaped. */
export interface XmlText {
  text: string;
}

export type XmlNode = XmlElement | XmlText;

/** An element the model does not know, with the place it had among its siblings. */
export interface UnknownElement {
  /**
   * Name of the nearest preceding sibling the model knows; absent when no known sibling came
   * before it. The formatter writes the element right after that sibling's group.
   */
  after?: string;
  element: XmlElement;
}

/** What the typed model did not recognize on one element, kept so that formatting loses nothing. */
export interface UnknownXml {
  attributes?: Record<string, string>;
  elements?: UnknownElement[];
  /** Character data found in an element that has no text field. */
  text?: string;
}

/** Every typed element carries an optional bag of what the model does not know about it. */
export interface Extensible {
  unknown?: UnknownXml;
}
