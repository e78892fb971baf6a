// The list items of a document's last form, kept so that the next form reuses those an edit left alone
// (form-model.ts builds with them).
import type { Span } from '../../engine/types';
import type { FormFinding, FormItem, FormTerm } from './form-model';

/** A list item as built, with where its findings go (relative to its start) and the words it uses. */
export interface BuiltItem {
  item: FormItem;
  places: { span: Span; findings: FormFinding[] }[];
  terms: [string, FormTerm][];
}

/**
 * The list items of a document's last form. An item reads only its own text (without aliases), so one
 * whose list, place in it, column and text are the same is the same item: after an edit only the items
 * it touched are built again, the others are taken as they were (their findings placed anew). Each form
 * keeps only its own items, so an item left behind by an edit is let go at the next.
 */
export class FormItems {
  private last = new Map<string, BuiltItem>();
  private next = new Map<string, BuiltItem>();

  take(key: string): BuiltItem | undefined {
    return this.last.get(key);
  }

  keep(key: string, built: BuiltItem): void {
    this.next.set(key, built);
  }

  /** The form is built: its items are those the next form may reuse. */
  done(): void {
    this.last = this.next;
    this.next = new Map();
  }
}
