// The body editor's schema: exactly the elements and attributes of the article body allow-list (p, h2-h4, a[href],
// em, strong, blockquote, ul, ol, li, br). Anything else pasted from Word or Google Docs is dropped by
// ProseMirror's parser, so the editor never shows what article-service would remove.
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import { OrderedList } from '@tiptap/extension-list';

const RestrictedLink = Link.extend({
  addAttributes() {
    return { href: { default: null } };
  },
}).configure({
  openOnClick: false,
  autolink: true,
  protocols: [],
  // Tiptap merges these with its defaults (target, rel, class): null removes them
  HTMLAttributes: { target: null, rel: null, class: null },
  // The same rule as article-service: links go to http(s) or mailto addresses only
  isAllowedUri: (url) => /^(https?:\/\/|mailto:)/i.test(url),
});

// Numbered lists without "start" and "type", which the allow-list does not carry
const RestrictedOrderedList = OrderedList.extend({
  addAttributes() {
    return {};
  },
  renderHTML() {
    return ['ol', 0];
  },
});

export const bodyExtensions = [
  StarterKit.configure({
    code: false,
    codeBlock: false,
    horizontalRule: false,
    strike: false,
    underline: false,
    link: false,
    orderedList: false,
    heading: { levels: [2, 3, 4] },
  }),
  RestrictedOrderedList,
  RestrictedLink,
];

/** Every element and attribute the schema can write, found by rendering each node and mark type (for the tests). */
export function schemaOutput(schema) {
  const elements = new Set();
  const attributes = new Set();
  const walk = (spec) => {
    if (!Array.isArray(spec)) {
      return;
    }
    const tag = spec[0];
    elements.add(tag);
    let rest = spec.slice(1);
    if (rest.length && rest[0] && typeof rest[0] === 'object' && !Array.isArray(rest[0])) {
      Object.entries(rest[0]).forEach(([name, value]) => {
        if (value !== null && value !== undefined) {
          attributes.add(`${tag}[${name}]`);
        }
      });
      rest = rest.slice(1);
    }
    rest.forEach(walk);
  };
  Object.values(schema.nodes).forEach((type) => {
    if (!type.spec.toDOM) {
      return;
    }
    const levels = type.name === 'heading' ? [2, 3, 4] : [null];
    levels.forEach((level) => {
      const node = type.create(level ? { level } : null);
      walk(type.spec.toDOM(node));
    });
  });
  Object.values(schema.marks).forEach((type) => {
    if (!type.spec.toDOM) {
      return;
    }
    const mark = type.create(type.name === 'link' ? { href: 'https://example.org/' } : null);
    walk(type.spec.toDOM(mark, true));
  });
  return { elements: [...elements].sort(), attributes: [...attributes].sort() };
}
