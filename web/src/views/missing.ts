// The view for a URL no view handles.
import { h, fill } from '../dom.js';
import type { View } from './view.js';

export const missingView: View = async ({ root }) => {
  document.title = 'Not found · pathwarden';
  fill(root, h('h1', {}, 'No such page'),
    h('p', { class: 'state empty' }, 'This address is not a view of pathwarden. ', h('a', { href: '/findings', 'data-link': true }, 'Go to the findings.')));
};
