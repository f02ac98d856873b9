// The layout of a government document (党政机关公文格式, GB/T 9704) for the city office's Word files: title in
// 方正小标宋 二号, the 文号 line, body in 仿宋_GB2312 三号 with two-character first-line indents, 一、 headings in
// 黑体, tables with ruled borders, and the issuing office and date at the end. Runs on Node and Workers.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { officerText } from '../messages/officer';

const FANGSONG = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const HEITI = { ascii: 'Times New Roman', eastAsia: '黑体', hAnsi: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };
const BODY = 32; // half-points: 16 pt, 三号
const TABLE = 24; // 12 pt in tables
const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };
/** 28 pt lines, as the standard's 22 lines a page. */
const SPACING = { line: 560, lineRule: 'exact' as const };

const t = officerText('govDocument');

export const OFFICE = t.office;

export const title = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 240, after: 240, line: 700, lineRule: 'exact' },
    children: [new TextRun({ text, font: TITLE_FONT, size: 44 })],
  });

export const docNumber = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 240 },
    children: [new TextRun({ text, font: FANGSONG, size: BODY })],
  });

/** A centred line in 仿宋 under the title (the period a report covers). */
export const centered = (text: string) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: SPACING,
    children: [new TextRun({ text, font: FANGSONG, size: BODY })],
  });

export const heading = (text: string) =>
  new Paragraph({
    spacing: SPACING,
    indent: { firstLine: 640 },
    children: [new TextRun({ text, font: HEITI, size: BODY })],
  });

/** Body text: one paragraph per line, each indented two characters. */
export const body = (text: string): Paragraph[] =>
  text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map(
      (l) =>
        new Paragraph({
          spacing: SPACING,
          indent: { firstLine: 640 },
          alignment: AlignmentType.JUSTIFIED,
          children: [new TextRun({ text: l.trim(), font: FANGSONG, size: BODY })],
        }),
    );

/** A line without indent (the addressee: "XX："). */
export const plain = (text: string) =>
  new Paragraph({ spacing: SPACING, children: [new TextRun({ text, font: FANGSONG, size: BODY })] });

const cell = (text: string, head: boolean) =>
  new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    borders,
    children: [
      new Paragraph({
        alignment: head ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [new TextRun({ text, bold: head, font: FANGSONG, size: TABLE })],
      }),
    ],
  });

export function table(headers: string[], rows: (string | number)[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v) => cell(String(v), false)) })),
    ],
  });
}

/** The issuing office and the date, right-aligned at the end. */
export const signature = (date: string) => [
  new Paragraph({ spacing: { before: 480 }, children: [] }),
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ text: OFFICE, font: FANGSONG, size: BODY })],
  }),
  new Paragraph({
    alignment: AlignmentType.RIGHT,
    children: [new TextRun({ text: date, font: FANGSONG, size: BODY })],
  }),
];

/** "2026-11-25" → "2026年11月25日". */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return t.date(y, m, d);
}

export async function govDocx(docTitle: string, children: (Paragraph | Table)[]): Promise<Uint8Array> {
  const doc = new Document({
    creator: OFFICE,
    title: docTitle,
    styles: { default: { document: { run: { font: FANGSONG, size: BODY } } } },
    sections: [
      {
        // GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (A4).
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { top: 2098, bottom: 1984, left: 1588, right: 1474 } },
        },
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
