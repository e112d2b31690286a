import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { apiCall } from '../../../protocol/api-client.js';
import type { ErrorBody } from '../../../protocol/i18n.js';
import { Bi, ErrorNotice, SavedNotice } from './bi.js';
import { ConfirmDialog, type Question } from './confirm-dialog.js';
import { useList } from './use-list.js';

export interface Column<T> { zh: string; en: string; cell: (item: T) => ComponentChildren }

export interface FormProps<I, T> { value: I; onChange: (v: I) => void; editing: T | null }

export interface CrudSpec<T extends { id: number }, I> {
  /** e.g. 'services': the API path /api/services and the testid prefix admin-services-*. */
  path: string;
  zh: string;
  en: string;
  columns: Column<T>[];
  /** A new item's starting values; given the current list (to suggest the next number, say). */
  blank: (items: T[]) => I;
  toInput: (item: T) => I;
  /** Renders the form's fields; a render function, so a page may pass its own lists (areas ...) along. */
  form: (props: FormProps<I, T>) => ComponentChildren;
  /** Extra actions on a row (e.g. deactivate a staff member). */
  rowActions?: (item: T, save: (input: I, id: number) => Promise<void>) => ComponentChildren;
  sort?: (a: T, b: T) => number;
  /** A question to ask before a save goes out (deactivating someone, say), or null to save at once. */
  ask?: (input: I, before: T | null) => Question | null | Promise<Question | null>;
  /** The form's title for a new item, e.g. 新增业务 / New service. */
  one: { zh: string; en: string };
}

/**
 * A list and a form side by side: pick a row to edit it, or start a new one. Saving sends the whole entity (PUT
 * replaces), and any refusal is the server's own message; the browser's own checks (required, pattern) come first.
 */
export function CrudPage<T extends { id: number }, I>({ spec }: { spec: CrudSpec<T, I> }) {
  const list = useList<T>(`/api/${spec.path}`);
  const [editing, setEditing] = useState<T | null>(null);
  const [value, setValue] = useState<I>(() => spec.blank([]));
  const [error, setError] = useState<ErrorBody | null>(null);
  // "Saved" stays only while the form still shows what was saved: the first edit clears it.
  const [savedValue, setSavedValue] = useState<I | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<{ question: Question; input: I; id: number | null } | null>(null);

  const startNew = () => { setEditing(null); setValue(spec.blank(list.items)); setError(null); };
  const edit = (item: T) => { setEditing(item); setValue(spec.toInput(item)); setError(null); };

  const save = async (input: I, id: number | null) => {
    const question = spec.ask ? await spec.ask(input, list.items.find((item) => item.id === id) ?? null) : null;
    if (question) return setAsking({ question, input, id });
    await send(input, id);
  };

  const send = async (input: I, id: number | null) => {
    setBusy(true);
    const res = await apiCall<T>(id === null ? 'POST' : 'PUT', id === null ? `/api/${spec.path}` : `/api/${spec.path}/${id}`, { body: input });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    await list.reload();
    const shown = spec.toInput(res.data);
    setEditing(res.data);
    setValue(shown);
    setSavedValue(shown);
  };

  const remove = async () => {
    if (!editing || !confirm('确定删除？ Delete this item?')) return;
    const res = await apiCall('DELETE', `/api/${spec.path}/${editing.id}`);
    if (!res.ok) return setError(res.error);
    await list.reload();
    startNew();
  };

  const items = spec.sort ? [...list.items].sort(spec.sort) : list.items;
  return (
    <div class="crud">
      <section class="panel crud-list">
        <header class="panel-head">
          <h2><Bi zh={spec.zh} en={spec.en} inline /> <span class="count">{items.length}</span></h2>
          <button type="button" class="btn btn-primary" data-testid={`admin-${spec.path}-new`}
            disabled={!list.loaded} onClick={startNew}><Bi zh="新增" en="New" inline /></button>
        </header>
        <ErrorNotice error={list.error} />
        <div class="table-scroll">
          <table class="table" data-testid={`admin-${spec.path}-table`}>
            <thead><tr>{spec.columns.map((c) => <th key={c.zh}><Bi zh={c.zh} en={c.en} /></th>)}{spec.rowActions && <th />}</tr></thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} class={editing?.id === item.id ? 'row-on' : ''} onClick={() => edit(item)} data-testid={`admin-${spec.path}-row-${item.id}`}>
                  {spec.columns.map((c) => <td key={c.zh}>{c.cell(item)}</td>)}
                  {spec.rowActions && <td onClick={(e) => e.stopPropagation()}>{spec.rowActions(item, (input, id) => save(input, id))}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section class="panel crud-form">
        <form onSubmit={(e) => { e.preventDefault(); void save(value, editing?.id ?? null); }} data-testid={`admin-${spec.path}-form`}>
          <header class="panel-head">
            <h2>{editing ? <Bi zh={`编辑 #${editing.id}`} en={`Edit #${editing.id}`} inline /> : <Bi zh={`新增${spec.one.zh}`} en={`New ${spec.one.en}`} inline />}</h2>
          </header>
          <div class="form-body">
            {spec.form({ value, onChange: setValue, editing })}
          </div>
          <footer class="form-foot">
            <ErrorNotice error={error} />
            <SavedNotice show={savedValue !== null && savedValue === value} />
            <div class="form-buttons">
              <button type="submit" class="btn btn-primary" disabled={busy} data-testid={`admin-${spec.path}-save`}><Bi zh="保存" en="Save" inline /></button>
              {editing && <button type="button" class="btn btn-danger" onClick={() => void remove()}><Bi zh="删除" en="Delete" inline /></button>}
            </div>
          </footer>
        </form>
      </section>
      {asking && (
        <ConfirmDialog question={asking.question} onAnswer={(yes) => {
          setAsking(null);
          if (yes) void send(asking.input, asking.id);
        }} />
      )}
    </div>
  );
}
