import { html, type SafeHtml } from './html';

/** A column heading: its label, or the label with a class (`num`, `hide-sm`). */
export type Heading = unknown | { label: unknown; className: string };

function heading(h: Heading): SafeHtml {
  if (h !== null && typeof h === 'object' && 'className' in h && 'label' in h)
    return html`<th scope="col" class="${h.className}">${h.label}</th>`;
  return html`<th scope="col">${h}</th>`;
}

/** A data table: one heading row, then the given (already rendered) body rows. */
export function dataTable(headings: readonly Heading[], rows: unknown, className?: string): SafeHtml {
  return html`<table${className ? html` class="${className}"` : ''}>
    <thead>
      <tr>
        ${headings.map(heading)}
      </tr>
    </thead>
    <tbody>
      ${rows}
    </tbody>
  </table>`;
}
