import * as vscode from 'vscode';
import type { Range } from '../core/roadmap/model';
import { Commands } from '../ids';
import type { RoadmapEntry } from '../workspace/roadmapStore';

/** An icon by codicon id, optionally tinted with a theme colour id. */
export interface NodeIcon {
  readonly id: string;
  readonly color?: string;
}

/**
 * One item of a sidebar tree, as plain data. Trees are built eagerly from the in-memory analysis
 * (no I/O), so `getChildren` only walks this structure, and two builds can be compared to decide
 * whether a view needs to refresh at all.
 */
export interface ViewNode {
  /** Stable id, unique in its view: keeps expansion and selection across refreshes. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  /** Markdown text of the tooltip. */
  readonly tooltip?: string;
  readonly icon?: NodeIcon;
  /** `viewItem` for menus, e.g. `step.node`, `candidate.baseline.node`, `literature.link.node`. */
  readonly contextValue?: string;
  /** Expanded when first shown; ignored for leaves. */
  readonly expanded?: boolean;
  readonly children?: readonly ViewNode[];
  /** The roadmap the node belongs to and the range to reveal there when the node is selected. */
  readonly roadmap?: string;
  readonly range?: Range;
  /** A URL the node links to (opened by `mlroadmap.openLink`). */
  readonly url?: string;
  /** A file to open when the node is selected, instead of revealing a range. */
  readonly file?: string;
  /** Id of the roadmap item the node shows (step id, candidate id ...), for commands run from its menu. */
  readonly itemId?: string;
}

/** Appends ` node` to a context value when the node can be revealed in mlroadmap.yaml. */
export function contextValue(kind: string, range: Range | undefined): string {
  return range ? `${kind}.node` : kind;
}

/** Range of a node's first line: selecting a whole mapping is noisy, its first line shows where it is. */
export function headRange(range: Range): Range {
  if (range.end.line === range.start.line) return range;
  return { start: range.start, end: { line: range.start.line, character: Number.MAX_SAFE_INTEGER } };
}

/** Converts a node into the TreeItem VS Code renders. */
export function toTreeItem(node: ViewNode): vscode.TreeItem {
  const collapsible = node.children && node.children.length > 0;
  const item = new vscode.TreeItem(
    node.label,
    !collapsible
      ? vscode.TreeItemCollapsibleState.None
      : node.expanded
        ? vscode.TreeItemCollapsibleState.Expanded
        : vscode.TreeItemCollapsibleState.Collapsed,
  );
  item.id = node.id;
  if (node.description !== undefined) item.description = node.description;
  if (node.tooltip !== undefined) {
    const md = new vscode.MarkdownString(node.tooltip, true);
    md.isTrusted = false;
    item.tooltip = md;
  }
  if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
  if (node.contextValue) item.contextValue = node.contextValue;
  if (node.file) {
    const uri = vscode.Uri.file(node.file);
    item.resourceUri = uri;
    item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri, { preview: true, preserveFocus: true }] };
  } else if (node.roadmap && node.range) {
    item.command = {
      command: Commands.revealInRoadmap,
      title: vscode.l10n.t('Reveal in mlroadmap.yaml'),
      arguments: [vscode.Uri.parse(node.roadmap), node.range],
    };
  }
  item.accessibilityInformation = { label: [node.label, node.description].filter(Boolean).join(', ') };
  return item;
}

/** Key of a roadmap in node ids. */
export function entryKey(entry: RoadmapEntry): string {
  return entry.uri.toString();
}
