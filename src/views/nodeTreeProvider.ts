import * as vscode from 'vscode';
import type { RoadmapEntry } from '../workspace/roadmapStore';
import { entryKey, toTreeItem, type ViewNode } from './viewNode';

/** Builds the top-level nodes one roadmap contributes to a view. Pure: reads only in-memory state. */
export type BuildNodes = (entry: RoadmapEntry) => readonly ViewNode[];

interface Built {
  readonly nodes: readonly ViewNode[];
  readonly signature: string;
}

/**
 * A TreeDataProvider over eagerly built {@link ViewNode}s. One roadmap: its nodes are the top level.
 * Several (multi-root workspace, monorepo): one group per roadmap, labelled with the roadmap's label.
 * `update(entry)` rebuilds what that roadmap contributes and fires a change only when it differs,
 * and only for that roadmap's group when there are several.
 */
export class NodeTreeProvider implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly built = new Map<string, Built>();
  /** Group nodes are kept as the same objects so a change event can name them. */
  private readonly groups = new Map<string, ViewNode>();
  private readonly parents = new Map<ViewNode, ViewNode | undefined>();
  private order: string[] = [];

  constructor(
    private readonly viewId: string,
    private readonly build: BuildNodes,
    private readonly entries: () => readonly RoadmapEntry[],
    /** Called once, the first time the view asks for its top level and gets items (with when it began asking). */
    private onFirstItems?: (count: number, started: number) => void,
  ) {}

  /** Rebuilds one roadmap's nodes (or every roadmap's) and fires change events for what changed. */
  update(only?: RoadmapEntry): void {
    const entries = this.entries();
    const order = entries.map(entryKey);
    const layoutChanged = order.join('\n') !== this.order.join('\n') || entries.some((e) => this.groups.get(entryKey(e))?.label !== e.label);
    const targets = only && !layoutChanged ? entries.filter((e) => entryKey(e) === entryKey(only)) : entries;
    const changedKeys: string[] = [];
    for (const entry of targets) {
      const key = entryKey(entry);
      const nodes = this.build(entry);
      const signature = JSON.stringify(nodes);
      if (this.built.get(key)?.signature === signature) continue;
      this.built.set(key, { nodes, signature });
      changedKeys.push(key);
    }
    if (layoutChanged) {
      this.order = order;
      for (const key of [...this.built.keys()]) if (!order.includes(key)) this.built.delete(key);
      this.groups.clear();
      for (const entry of entries) this.groups.set(entryKey(entry), this.groupNode(entry));
    }
    if (!layoutChanged && changedKeys.length === 0) return;
    this.indexParents();
    if (layoutChanged || entries.length === 1) this.changed.fire(undefined);
    else for (const key of changedKeys) this.changed.fire(this.groups.get(key));
  }

  private groupNode(entry: RoadmapEntry): ViewNode {
    const key = entryKey(entry);
    return {
      id: `${this.viewId}/${key}`,
      label: entry.label,
      description: vscode.workspace.asRelativePath(entry.uri, true),
      tooltip: entry.uri.fsPath,
      icon: { id: 'root-folder' },
      contextValue: 'roadmapGroup',
      expanded: true,
      roadmap: key,
    };
  }

  /** Top-level nodes: the single roadmap's nodes, or one group per roadmap. */
  roots(): readonly ViewNode[] {
    if (this.order.length === 1) return this.built.get(this.order[0])?.nodes ?? [];
    return this.order.map((key) => this.groups.get(key)).filter((g): g is ViewNode => !!g && (this.built.get(g.roadmap ?? '')?.nodes.length ?? 0) > 0);
  }

  getChildren(element?: ViewNode): ViewNode[] {
    if (!element) {
      const started = performance.now();
      const roots = [...this.roots()];
      if (roots.length > 0 && this.onFirstItems) {
        const first = this.onFirstItems;
        this.onFirstItems = undefined;
        first(roots.length, started);
      }
      return roots;
    }
    if (element.contextValue === 'roadmapGroup') return [...(this.built.get(element.roadmap ?? '')?.nodes ?? [])];
    return [...(element.children ?? [])];
  }

  getTreeItem(element: ViewNode): vscode.TreeItem {
    if (element.contextValue === 'roadmapGroup') {
      const item = toTreeItem({ ...element, children: this.getChildren(element) });
      item.id = element.id;
      return item;
    }
    return toTreeItem(element);
  }

  getParent(element: ViewNode): ViewNode | undefined {
    return this.parents.get(element);
  }

  /** Every node of the view, depth first: for reveal and for tests. */
  *walk(from: readonly ViewNode[] = this.roots()): Generator<ViewNode> {
    for (const node of from) {
      yield node;
      yield* this.walk(this.getChildren(node));
    }
  }

  private indexParents(): void {
    this.parents.clear();
    const visit = (nodes: readonly ViewNode[], parent: ViewNode | undefined) => {
      for (const node of nodes) {
        this.parents.set(node, parent);
        visit(this.getChildren(node), node);
      }
    };
    visit(this.roots(), undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
