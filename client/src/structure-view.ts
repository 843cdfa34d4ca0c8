// The 报告结构 tree: the profile's checklist of mandatory parts, then the section tree. Click to reveal.
import * as vscode from 'vscode';
import type { ChecklistItem, StructureResult, StructureSection } from '../../server/src/protocol';
import { t } from './messages';

type Node =
  | { kind: 'group'; id: 'checklist' | 'outline' }
  | { kind: 'part'; item: ChecklistItem }
  | { kind: 'section'; section: StructureSection; path: string }
  | { kind: 'empty' };

const STATE_ICON: Record<ChecklistItem['state'], [string, string?]> = {
  heading: ['pass', 'testing.iconPassed'],
  thematic: ['pass', 'testing.iconPassed'],
  subheading: ['info', 'problemsInfoIcon.foreground'],
  sentence: ['info', 'problemsInfoIcon.foreground'],
  missing: ['error', 'problemsErrorIcon.foreground'],
};

const STATE_TEXT: Record<ChecklistItem['state'], Parameters<typeof t>[0]> = {
  heading: 'statePresent',
  thematic: 'stateThematic',
  subheading: 'stateSubheading',
  sentence: 'stateSentence',
  missing: 'stateMissing',
};

export class StructureProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private uri: vscode.Uri | undefined;
  private result: StructureResult | null = null;

  constructor(private readonly fetch: (uri: vscode.Uri) => Promise<StructureResult | null>) {}

  /** The structure last shown (for tests and the status item). */
  get current(): StructureResult | null {
    return this.result;
  }

  async setDocument(uri: vscode.Uri | undefined): Promise<StructureResult | null> {
    this.uri = uri;
    this.result = uri ? await this.fetch(uri) : null;
    this.changed.fire(undefined);
    return this.result;
  }

  getChildren(node?: Node): Node[] {
    const r = this.result;
    if (!node) return r ? [{ kind: 'group', id: 'checklist' }, { kind: 'group', id: 'outline' }] : [{ kind: 'empty' }];
    if (!r) return [];
    if (node.kind === 'group' && node.id === 'checklist') return r.checklist.map((item) => ({ kind: 'part', item }));
    if (node.kind === 'group') return r.sections.map((section, i) => ({ kind: 'section', section, path: String(i) }));
    if (node.kind === 'section') return node.section.children.map((section, i) => ({ kind: 'section', section, path: `${node.path}.${i}` }));
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const C = vscode.TreeItemCollapsibleState;
    switch (node.kind) {
      case 'empty':
        return new vscode.TreeItem(t('noReport'), C.None);
      case 'group': {
        const item = new vscode.TreeItem(node.id === 'checklist' ? t('checklist') : t('outline'), C.Expanded);
        item.id = `group:${node.id}`;
        if (node.id === 'checklist' && this.result) {
          const missing = this.result.checklist.filter((c) => c.required && c.state === 'missing').length;
          item.description = `${this.result.profile.name}${this.result.reportYear ? ' · ' + this.result.reportYear : ''}${missing ? ` · ${t('stateMissing')} ${missing}` : ''}`;
        }
        return item;
      }
      case 'part': {
        const { item: c } = node;
        const item = new vscode.TreeItem(c.name + (c.required ? '' : t('optional')), C.None);
        item.id = `part:${c.key}`;
        item.description = t(STATE_TEXT[c.state]);
        const [icon, color] = c.required || c.state !== 'missing' ? STATE_ICON[c.state] : ['circle-outline'];
        item.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        item.contextValue = `part-${c.state}`;
        if (c.range && this.uri) item.command = { command: 'report-lint.reveal', title: '', arguments: [this.uri, toRange(c.range)] };
        return item;
      }
      case 'section': {
        const s = node.section;
        const item = new vscode.TreeItem(s.name, s.children.length ? C.Collapsed : C.None);
        item.id = `section:${node.path}:${s.name}`;
        if (s.parts.length && this.result) {
          item.description = s.parts.map((k) => this.result!.checklist.find((c) => c.key === k)?.name ?? k).join(' · ');
        }
        item.tooltip = s.name;
        if (this.uri) item.command = { command: 'report-lint.reveal', title: '', arguments: [this.uri, toRange(s.range)] };
        return item;
      }
    }
  }
}

function toRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): vscode.Range {
  return new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
}
