// Word documents as input: real .docx files built with the `docx` library give the findings of their Markdown twins;
// what Word does not show does not leak; unreadable files say why; findings carry their place in Word.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { zipSync, strToU8 } from 'fflate';
import {
  AlignmentType,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  Document,
  Footer,
  FootnoteReferenceRun,
  Header,
  HeadingLevel,
  InsertedTextRun,
  LevelFormat,
  LevelSuffix,
  PageNumber,
  Paragraph,
  SimpleField,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  Textbox,
  TextRun,
} from 'docx';
import { readDocx, wordLocation, formatPlace, type DocxDocument } from '../../server/src/docx';
import { formatNumber } from '../../server/src/docx/number-formats';
import { analyse } from '../../server/src/analysis';
import { docxBytes, facts } from './docx-build';

const REV = { author: '审核人', date: '2023-02-01T00:00:00Z' };

function read(bytes: Uint8Array): DocxDocument {
  const r = readDocx(bytes);
  if (!r.ok) assert.fail(`not read: ${r.error.en}`);
  return r.doc;
}

/** The .docx gives exactly the findings, sections and number relations of its Markdown twin, and some findings. */
async function assertTwin(doc: Document, twin: string): Promise<DocxDocument> {
  const d = read(await docxBytes(doc));
  const got = facts(d.text);
  const want = facts(twin);
  assert.ok(want.findings.length > 0, 'the twin has findings (a test that cannot fail is no test)');
  assert.deepEqual(got, want, `Word view:\n${d.text}`);
  return d;
}

const p = (text: string) => new Paragraph({ children: [new TextRun(text)] });
const cell = (text: string, opts: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: [p(text)], ...opts });

describe('Word numbering formats', () => {
  test('Chinese counting, legal, enclosed, stems, letters and roman numerals', () => {
    const cn = [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110, 111, 1000, 1001, 1010, 10000, 10001].map((n) => formatNumber(n, 'chineseCounting'));
    assert.deepEqual(cn, ['一', '二', '九', '十', '十一', '十九', '二十', '二十一', '九十九', '一百', '一百零一', '一百一十', '一百一十一', '一千', '一千零一', '一千零一十', '一万', '一万零一']);
    assert.equal(formatNumber(12, 'chineseCountingThousand'), '十二');
    assert.equal(formatNumber(23, 'chineseLegalSimplified'), '贰拾叁');
    assert.equal(formatNumber(3, 'ideographLegalTraditional'), '參');
    assert.equal(formatNumber(3, 'ideographTraditional'), '丙');
    assert.equal(formatNumber(11, 'ideographTraditional'), '甲');
    assert.equal(formatNumber(2, 'ideographZodiac'), '丑');
    assert.equal(formatNumber(3, 'decimalEnclosedParen'), '⑶');
    assert.equal(formatNumber(21, 'decimalEnclosedParen'), '(21)');
    assert.equal(formatNumber(3, 'decimalEnclosedCircle'), '③');
    assert.equal(formatNumber(12, 'decimalFullWidth'), '１２');
    assert.equal(formatNumber(2021, 'ideographDigital'), '二〇二一');
    assert.equal(formatNumber(28, 'lowerLetter'), 'bb');
    assert.equal(formatNumber(14, 'upperRoman'), 'XIV');
    assert.equal(formatNumber(7, 'decimalZero'), '07');
  });
});

describe('a .docx and its Markdown twin give the same findings', () => {
  test('headings by Word heading styles', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '某县人民政府关于2022年度法治政府建设情况的报告', heading: HeadingLevel.TITLE }),
            new Paragraph({ text: '一、2022年度推进法治政府建设的主要举措和成效', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ text: '（一）加强组织领导', heading: HeadingLevel.HEADING_2 }),
            p('全年受理行政复议案件437件，办结434件，办结率97.3%。'),
            new Paragraph({ text: '（三）推进严格规范公正文明执法', heading: HeadingLevel.HEADING_2 }),
            p('今年共开展行政执法检查12次。'),
            new Paragraph({ text: '二、存在的不足和原因', heading: HeadingLevel.HEADING_1 }),
            p('基层执法力量仍然薄弱。'),
            new Paragraph({ text: '三、2023年度推进法治政府建设的主要安排', heading: HeadingLevel.HEADING_1 }),
            p('继续深化行政执法体制改革。'),
          ],
        },
      ],
    });
    const twin = `# 某县人民政府关于2022年度法治政府建设情况的报告

# 一、2022年度推进法治政府建设的主要举措和成效

## （一）加强组织领导

全年受理行政复议案件437件，办结434件，办结率97.3%。

## （三）推进严格规范公正文明执法

今年共开展行政执法检查12次。

# 二、存在的不足和原因

基层执法力量仍然薄弱。

# 三、2023年度推进法治政府建设的主要安排

继续深化行政执法体制改革。
`;
    await assertTwin(doc, twin);
    const rules = facts(twin).findings.map((f) => f.rule);
    for (const r of ['heading-numbering', 'rate-mismatch', 'relative-date', 'missing-section']) assert.ok(rules.includes(r), `${r} in ${rules}`);
  });

  test('headings by Word automatic Chinese numbering (numbering.xml), restarted per chapter', async () => {
    const doc = new Document({
      numbering: {
        config: [
          {
            reference: 'outline',
            levels: [
              { level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', start: 1, suffix: LevelSuffix.NOTHING },
              { level: 1, format: LevelFormat.CHINESE_COUNTING_THOUSAND, text: '（%2）', start: 1, suffix: LevelSuffix.NOTHING },
              { level: 2, format: LevelFormat.DECIMAL, text: '%3.', start: 1 },
              { level: 3, format: LevelFormat.DECIMAL, text: '（%4）', start: 1 },
            ],
          },
        ],
      },
      sections: [
        {
          children: [
            new Paragraph({ children: [new TextRun('某市人民政府关于2021年度法治政府建设情况的报告')], alignment: AlignmentType.CENTER }),
            new Paragraph({ text: '2021年度推进法治政府建设的主要举措和成效', numbering: { reference: 'outline', level: 0 } }),
            new Paragraph({ text: '深入学习贯彻习近平法治思想', numbering: { reference: 'outline', level: 1 } }),
            new Paragraph({ text: '加强学习。全年组织专题学法12次。', numbering: { reference: 'outline', level: 2 } }),
            new Paragraph({ text: '领导带头学法', numbering: { reference: 'outline', level: 3 } }),
            new Paragraph({ text: '部门集中学法', numbering: { reference: 'outline', level: 3 } }),
            new Paragraph({ text: '健全制度。全年审查规范性文件52件，纠错率达到11.5%，纠正6件。', numbering: { reference: 'outline', level: 2 } }),
            new Paragraph({ text: '推进严格规范公正文明执法', numbering: { reference: 'outline', level: 1 } }),
            new Paragraph({ text: '开展执法检查。', numbering: { reference: 'outline', level: 2 } }),
            new Paragraph({ text: '2021年度党政主要负责人履行推进法治建设第一责任人职责情况', numbering: { reference: 'outline', level: 0 } }),
            p('市政府主要负责同志带头学法用法。'),
            new Paragraph({ text: '存在的不足和原因', numbering: { reference: 'outline', level: 0 } }),
            p('个别部门依法行政意识不强。'),
            new Paragraph({ text: '2021年工作打算', numbering: { reference: 'outline', level: 0 } }),
            p('持续推进法治政府建设。'),
          ],
        },
      ],
    });
    const twin = `某市人民政府关于2021年度法治政府建设情况的报告

一、2021年度推进法治政府建设的主要举措和成效

（一）深入学习贯彻习近平法治思想

1.加强学习。全年组织专题学法12次。

（1）领导带头学法

（2）部门集中学法

2.健全制度。全年审查规范性文件52件，纠错率达到11.5%，纠正6件。

（二）推进严格规范公正文明执法

1.开展执法检查。

二、2021年度党政主要负责人履行推进法治建设第一责任人职责情况

市政府主要负责同志带头学法用法。

三、存在的不足和原因

个别部门依法行政意识不强。

四、2021年工作打算

持续推进法治政府建设。
`;
    const d = await assertTwin(doc, twin);
    const secs = facts(d.text).sections;
    assert.deepEqual(
      secs.filter((s) => s.depth === 1).map((s) => s.numbering),
      ['一、', '二、', '三、', '四、'],
      'Word numbering counts like typed numbering',
    );
    assert.ok(facts(twin).findings.some((f) => f.rule === 'heading-year'), 'the next-year heading with the report year is found');
  });

  test('typed numbering 一、（一）1.（1） stays structure, including a skipped number and "1. " with a space', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            p('某区人民政府关于2022年度法治政府建设工作情况的报告'),
            p('一、2022年度推进法治政府建设的主要举措和成效'),
            p('（一）完善依法行政制度体系'),
            p('1.加强规范性文件监督管理。'),
            p('3.推进合法性审查全覆盖。'),
            p('（二）推进严格规范公正文明执法'),
            p('二、存在的不足和原因'),
            p('三、2023年度推进法治政府建设的主要安排'),
          ],
        },
      ],
    });
    const twin = [
      '某区人民政府关于2022年度法治政府建设工作情况的报告',
      '一、2022年度推进法治政府建设的主要举措和成效',
      '（一）完善依法行政制度体系',
      '1.加强规范性文件监督管理。',
      '3.推进合法性审查全覆盖。',
      '（二）推进严格规范公正文明执法',
      '二、存在的不足和原因',
      '三、2023年度推进法治政府建设的主要安排',
    ].join('\n\n');
    await assertTwin(doc, twin);
    assert.ok(facts(twin).findings.some((f) => f.rule === 'heading-numbering' && f.text.startsWith('3')));

    // A typed "1. " (with a space) is Word text, not a Markdown list: it still counts as numbering.
    const spaced = read(
      await docxBytes(new Document({ sections: [{ children: [p('某区2022年度法治政府建设情况报告'), p('一、主要举措'), p('1. 加强组织领导。'), p('3. 推进执法。')] }] })),
    );
    assert.ok(facts(spaced.text).findings.some((f) => f.rule === 'heading-numbering' && f.text.startsWith('3')), spaced.text);
    assert.ok(spaced.text.includes('1. 加强组织领导。'), 'the text stays as typed');
  });

  test('tables keep their cells: GFM where no cell is merged, an HTML table with rowspan/colspan where cells are merged', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            p('某县2023年度法治政府建设情况报告'),
            p('一、2023年推进法治政府建设的主要举措和成效'),
            p('（一）信访事项办理情况如下表。'),
            new Table({
              rows: [
                new TableRow({ children: [cell('单位'), cell('受理（件）'), cell('办结（件）'), cell('办结率')] }),
                new TableRow({ children: [cell('县本级'), cell('437'), cell('434'), cell('97.3%')] }),
                new TableRow({ children: [cell('甲镇'), cell('215'), cell('210'), cell('97.67%')] }),
                new TableRow({ children: [cell('合计'), cell('652'), cell('644'), cell('98.77%')] }),
              ],
            }),
            p('（二）行政复议案件情况如下表。'),
            new Table({
              rows: [
                new TableRow({ children: [cell('类别', { rowSpan: 2 }), cell('案件数（件）', { columnSpan: 2 })] }),
                new TableRow({ children: [cell('受理'), cell('审结')] }),
                new TableRow({ children: [cell('行政复议'), cell('120'), cell('118')] }),
                new TableRow({ children: [cell('行政诉讼'), cell('86'), cell('80')] }),
              ],
            }),
          ],
        },
      ],
    });
    const twin = `某县2023年度法治政府建设情况报告

一、2023年推进法治政府建设的主要举措和成效

（一）信访事项办理情况如下表。

| 单位 | 受理（件） | 办结（件） | 办结率 |
| --- | --- | --- | --- |
| 县本级 | 437 | 434 | 97.3% |
| 甲镇 | 215 | 210 | 97.67% |
| 合计 | 652 | 644 | 98.77% |

（二）行政复议案件情况如下表。

<table>
<tr><th rowspan="2">类别</th><th colspan="2">案件数（件）</th></tr>
<tr><td>受理</td><td>审结</td></tr>
<tr><td>行政复议</td><td>120</td><td>118</td></tr>
<tr><td>行政诉讼</td><td>86</td><td>80</td></tr>
</table>
`;
    const d = await assertTwin(doc, twin);
    assert.ok(facts(twin).findings.some((f) => f.rule === 'table-total' && f.text === '97.3%'));
    // The finding in the table points at its table, row and column in Word.
    const a = analyse(d.text);
    const f = a.findings.find((x) => x.rule === 'table-total' && d.text.slice(x.start, x.end) === '97.3%')!;
    const w = wordLocation(d, f);
    assert.deepEqual({ table: w.table, row: w.row, cell: w.cell }, { table: 1, row: 2, cell: 4 });
    assert.equal(formatPlace(w, 'zh'), `表1第2行第4列（第${w.paragraph}段）`);
    assert.equal(w.quote, '97.3%');
  });

  test('footnotes, endnote references and comments do not leak into the text', async () => {
    const doc = new Document({
      footnotes: { 1: { children: [p('数据来源：2019年度统计，办结率99.9%。')] } },
      comments: { children: [{ id: 0, author: '审核人', children: [p('去年的数字是否已核对？')] }] },
      sections: [
        {
          children: [
            p('某县2022年度法治政府建设情况报告'),
            p('一、2022年度推进法治政府建设的主要举措和成效'),
            new Paragraph({
              children: [
                new TextRun('全年受理行政复议案件437件，办结434件，'),
                new CommentRangeStart(0),
                new TextRun('办结率97.3%'),
                new CommentRangeEnd(0),
                new TextRun({ children: [new CommentReference(0)] }),
                new FootnoteReferenceRun(1),
                new TextRun('。'),
              ],
            }),
          ],
        },
      ],
    });
    const twin = '某县2022年度法治政府建设情况报告\n\n一、2022年度推进法治政府建设的主要举措和成效\n\n全年受理行政复议案件437件，办结434件，办结率97.3%。\n';
    const d = await assertTwin(doc, twin);
    assert.ok(!/2019|去年|99\.9/.test(d.text), d.text);
    assert.deepEqual(
      d.warnings.map((w) => w.en),
      ['the text of 1 footnote(s) or endnote(s) is not checked', '1 comment(s) not checked'],
    );
  });

  test('tracked changes read as accepted: deleted text does not count, inserted text does', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            p('某县2022年度法治政府建设情况报告'),
            p('一、2022年度推进法治政府建设的主要举措和成效'),
            p('（一）加强组织领导'),
            new Paragraph({
              children: [new TextRun('（'), new DeletedTextRun({ text: '三', id: 1, ...REV }), new InsertedTextRun({ text: '二', id: 2, ...REV }), new TextRun('）推进严格规范公正文明执法')],
            }),
            new Paragraph({
              children: [
                new TextRun('全年受理437件，办结434件，办结率'),
                new DeletedTextRun({ text: '99.3%', id: 3, ...REV }),
                new InsertedTextRun({ text: '97.3%', id: 4, ...REV }),
                new TextRun('。'),
                new DeletedTextRun({ text: '去年同期办结率为99%。', id: 5, ...REV }),
              ],
            }),
          ],
        },
      ],
    });
    const twin = '某县2022年度法治政府建设情况报告\n\n一、2022年度推进法治政府建设的主要举措和成效\n\n（一）加强组织领导\n\n（二）推进严格规范公正文明执法\n\n全年受理437件，办结434件，办结率97.3%。\n';
    const d = await assertTwin(doc, twin);
    assert.ok(!d.text.includes('99.3') && !d.text.includes('去年'), d.text);
    assert.ok(d.warnings.some((w) => w.en.includes('tracked changes')));
  });

  test('a traditional-character document with full-width digits', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: '某市人民政府關於2021年度法治政府建設情況的報告', heading: HeadingLevel.HEADING_1 }),
            p('一、2021年度推進法治政府建設的主要舉措和成效'),
            p('（一）深入學習貫徹習近平法治思想。認真落實《法治社會建設實施綱要（2021－2025年）》。'),
            p('（二）全年受理行政復議案件４３７件，辦結４３４件，辦結率９７．３％。'),
            p('二、存在的不足和原因'),
            p('三、2022年度推進法治政府建設的主要安排'),
          ],
        },
      ],
    });
    const twin = [
      '# 某市人民政府關於2021年度法治政府建設情況的報告',
      '一、2021年度推進法治政府建設的主要舉措和成效',
      '（一）深入學習貫徹習近平法治思想。認真落實《法治社會建設實施綱要（2021－2025年）》。',
      '（二）全年受理行政復議案件４３７件，辦結４３４件，辦結率９７．３％。',
      '二、存在的不足和原因',
      '三、2022年度推進法治政府建設的主要安排',
    ].join('\n\n');
    await assertTwin(doc, twin);
    const f = facts(twin);
    assert.ok(f.traditional);
    for (const r of ['miscited-title', 'rate-mismatch']) assert.ok(f.findings.some((x) => x.rule === r), `${r} in ${f.findings.map((x) => x.rule)}`);
  });

  test('field codes, a table of contents, text boxes, headers and footers stay out of the text', async () => {
    const doc = new Document({
      features: { updateFields: false },
      sections: [
        {
          headers: { default: new Header({ children: [p('2019年度报告（页眉）')] }) },
          footers: { default: new Footer({ children: [new Paragraph({ children: [new TextRun({ children: ['第', PageNumber.CURRENT, '页'] })] })] }) },
          children: [
            p('某县2022年度法治政府建设情况报告'),
            new TableOfContents('目录', { hyperlink: true, headingStyleRange: '1-3' }),
            new Paragraph({ text: '一、2022年度推进法治政府建设的主要举措和成效', heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun('全年受理437件，办结434件，办结率97.3%。'), new TextRun({ children: ['（第', PageNumber.CURRENT, '页）'] })] }),
            new Paragraph({ children: [new TextRun('本报告共'), new SimpleField('NUMPAGES', '3'), new TextRun('页。')] }),
            new Textbox({ style: { width: '200pt', height: '50pt' }, children: [p('今年去年本年度')] }),
          ],
        },
      ],
    });
    const d = read(await docxBytes(doc));
    assert.ok(!/PAGE|NUMPAGES|TOC|2019|今年|去年|页眉/.test(d.text), d.text);
    // The heading appears once: not again as a table-of-contents entry.
    assert.equal(d.text.split('一、2022年度推进法治政府建设的主要举措和成效').length, 2, d.text);
    assert.ok(d.text.includes('本报告共3页。'), 'a simple field shows its result');
    assert.ok(d.warnings.some((w) => w.en.includes('text box')), JSON.stringify(d.warnings));
    const twin = '某县2022年度法治政府建设情况报告\n\n# 一、2022年度推进法治政府建设的主要举措和成效\n\n全年受理437件，办结434件，办结率97.3%。（第页）\n\n本报告共3页。\n';
    assert.deepEqual(facts(d.text), facts(twin));
  });
});

describe('where a finding is in Word', () => {
  test('paragraph numbers count the non-empty paragraphs; the quote shows the text around the finding', async () => {
    const d = read(
      await docxBytes(
        new Document({
          sections: [
            {
              children: [
                p('某县2022年度法治政府建设情况报告'),
                p(''),
                p('一、主要举措和成效'),
                p('（一）依法办理行政复议案件。全年受理行政复议案件437件，办结434件，办结率97.3%，同比有所提高。'),
              ],
            },
          ],
        }),
      ),
    );
    const a = analyse(d.text);
    const f = a.findings.find((x) => x.rule === 'rate-mismatch')!;
    const w = wordLocation(d, f);
    assert.equal(w.paragraph, 3);
    assert.equal(w.table, undefined);
    assert.equal(w.quote, '…办结434件，办结率97.3%，同比有所提高。');
    assert.equal(formatPlace(w, 'en'), 'paragraph 3');
  });
});

describe('files that cannot be read say why', () => {
  const cases: [string, Uint8Array, RegExp][] = [];
  const ole = (name: string) => {
    const b = new Uint8Array(2048);
    b.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    for (let i = 0; i < name.length; i++) b[1024 + 2 * i] = name.charCodeAt(i);
    return b;
  };
  cases.push(['empty', new Uint8Array(0), /empty file/]);
  cases.push(['password-protected', ole('EncryptedPackage'), /password-protected/]);
  cases.push(['.doc', ole('WordDocument'), /old binary Word format \(\.doc\)/]);
  cases.push(['.wps (binary)', ole('WpsContent'), /old binary Office\/WPS/]);
  cases.push(['RTF', strToU8('{\\rtf1\\ansi 报告}'), /RTF/]);
  cases.push(['plain text renamed', strToU8('一、总体情况'), /not a ZIP-based \.docx/]);
  cases.push(['renamed zip', zipSync({ 'notes.txt': strToU8('hello') }), /a ZIP archive but not a Word document/]);
  cases.push(['renamed workbook', zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') }), /Excel workbook/]);
  cases.push(['malformed XML', zipSync({ 'word/document.xml': strToU8('<w:document xmlns:w="x"><w:body><w:p>') }), /malformed XML/]);
  test('each kind of unreadable file gets its own message', () => {
    for (const [name, bytes, want] of cases) {
      const r = readDocx(bytes);
      assert.equal(r.ok, false, name);
      if (!r.ok) {
        assert.match(r.error.en, want, name);
        assert.ok(r.error.zh.length > 0 && /[\u4e00-\u9fff]/.test(r.error.zh), `${name}: a Chinese message`);
      }
    }
  });

  test('a truncated .docx is reported as damaged', async () => {
    const bytes = await docxBytes(new Document({ sections: [{ children: [p('某县2022年度法治政府建设情况报告')] }] }));
    const r = readDocx(bytes.subarray(0, Math.floor(bytes.length / 2)));
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.error.en, /damaged|incomplete|not a Word document/);
  });
});
