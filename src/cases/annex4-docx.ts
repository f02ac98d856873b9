// Annex 4 as a Word document laid out like the printed annex: heading, title, the 报告单位/填报时间 line,
// the two-column 项目/内容 table and the signature line. Runs on Node and Workers (docx packs with fflate).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { officerText } from '../messages/officer';
import { parseBeijingDate } from '../time';
import { ANNEX4_LABELS, ANNEX4_ROWS, type Annex4Data, levelText } from './annex4';

const t = officerText('annex4Docx');
export const ANNEX4_TITLE = t.title;
const FONT = { ascii: 'Times New Roman', eastAsia: '仿宋_GB2312', hAnsi: 'Times New Roman' };
const TITLE_FONT = { ascii: 'Times New Roman', eastAsia: '方正小标宋简体', hAnsi: 'Times New Roman' };
const BODY_SIZE = 28; // half-points: 14 pt (四号), the usual size of government forms
const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const borders = { top: line, bottom: line, left: line, right: line };

/** "报告单位：": a field's label as the lines around the table print it. */
const label = (key: keyof typeof ANNEX4_LABELS) => `${ANNEX4_LABELS[key]}${t.sep}`;

const run = (text: string, bold = false) => new TextRun({ text, bold, font: FONT, size: BODY_SIZE });

/** Multi-line text → one paragraph per line (Word ignores \n inside a run). */
function paragraphs(text: string, alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]): Paragraph[] {
  const lines = text.split(/\r?\n/);
  return lines.map((l) => new Paragraph({ children: [run(l)], ...(alignment ? { alignment } : {}) }));
}

function row(label: string, content: string, header = false): TableRow {
  return new TableRow({
    cantSplit: !header && content.length < 200,
    children: [
      new TableCell({
        width: { size: 25, type: WidthType.PERCENTAGE },
        verticalAlign: VerticalAlign.CENTER,
        borders,
        children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(label, header)] })],
      }),
      new TableCell({
        width: { size: 75, type: WidthType.PERCENTAGE },
        verticalAlign: VerticalAlign.CENTER,
        borders,
        children: header
          ? [new Paragraph({ alignment: AlignmentType.CENTER, children: [run(content, true)] })]
          : paragraphs(content),
      }),
    ],
  });
}

/** "2026-11-25" → "2026 年 11 月 25 日", as the annex prints dates. */
function printedDate(iso: string): string {
  const d = parseBeijingDate(iso);
  if (!d) return iso || t.blankDate;
  const [y, m, day] = iso.split('-').map(Number) as [number, number, number];
  return t.date(y, m, day);
}

/** The annex; `followUps` are the case's 续报 sentences (follow-ups.ts), listed under the table when any. */
export function annex4Document(data: Annex4Data, followUps: readonly string[] = []): Document {
  const cell = (key: (typeof ANNEX4_ROWS)[number]['key']) => (key === 'level' ? levelText(data) : data[key]);
  return new Document({
    creator: data.reportingUnit || 'labour-relations risk early warning',
    title: ANNEX4_TITLE,
    styles: { default: { document: { run: { font: FONT, size: BODY_SIZE } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1588, right: 1474 } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: t.annex, font: FONT, size: 32 })] }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { before: 240, after: 240 },
            children: [new TextRun({ text: ANNEX4_TITLE, bold: true, font: TITLE_FONT, size: 40 })],
          }),
          new Paragraph({
            tabStops: [{ type: TabStopType.RIGHT, position: 9000 }],
            spacing: { after: 120 },
            children: [
              run(`${label('reportingUnit')}${data.reportingUnit}${t.stamp}`),
              run(`\t${label('filledAt')}${printedDate(data.filledAt)}`),
            ],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [row(t.itemHeader, t.contentHeader, true), ...ANNEX4_ROWS.map((r) => row(r.label, cell(r.key)))],
          }),
          ...(followUps.length
            ? [
                new Paragraph({ spacing: { before: 240 }, children: [run(t.followUps(followUps.length))] }),
                ...followUps.map((line) => new Paragraph({ children: [run(line)] })),
              ]
            : []),
          new Paragraph({
            spacing: { before: 240 },
            children: [
              run(`${label('headOfOffice')}${data.headOfOffice}`),
              run(`        ${label('filledBy')}${data.filledBy}`),
              run(`        ${label('contactPhone')}${data.contactPhone}`),
            ],
          }),
        ],
      },
    ],
  });
}

export async function annex4Docx(data: Annex4Data, followUps: readonly string[] = []): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(annex4Document(data, followUps)));
}
