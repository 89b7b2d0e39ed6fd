/**
 * A list shown as a table (or a sentence when it is empty): the header row, with an actions
 * column for admins, and the rows the caller renders.
 */
import type { Child } from "hono/jsx";

export function ListTable(props: {
  id: string;
  empty: boolean;
  emptyText: string;
  headers: string[];
  /** The actions column's header, for admins; absent for viewers. */
  actions?: string | undefined;
  /** The heading that names the table. */
  labelledBy?: string;
  /** The empty sentence's class (`notice` when an empty list is worth noticing). */
  emptyClass?: string;
  /** The empty sentence's id, for pages and tests that point at it. */
  emptyId?: string;
  children?: Child;
}) {
  if (props.empty)
    return (
      <p class={props.emptyClass} id={props.emptyId}>
        {props.emptyText}
      </p>
    );
  return (
    <div class="table-scroll">
      <table class="data" id={props.id} aria-labelledby={props.labelledBy}>
        <thead>
          <tr>
            {props.headers.map((h) => (
              <th scope="col">{h}</th>
            ))}
            {props.actions !== undefined ? <th scope="col">{props.actions}</th> : null}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
