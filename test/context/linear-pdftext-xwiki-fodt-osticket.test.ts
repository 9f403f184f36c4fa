/**
 * Failure histories as Linear, `pdftotext -layout`, XWiki, flat OpenDocument and osTicket export
 * them. Each shape comes from the payroll-disburse history (written by someone who never saw this
 * code), whose first run stopped at the first of them; each input here is a small one of its own.
 */
import { describe, expect, it } from 'vitest';
import { normaliseSeverity, parseIncidentsCsv, parseIncidentsDocument, parsePostmortem, parseTicketsDocument, parseTicketsXml, postmortemMarkdown } from '../../src/context/index.js';
import { monthFirstDate, readTimestamp } from '../../src/context/text/dates.js';

describe('dates written month first (JavaScript Date#toString, trackers\' CSV exports)', () => {
  it('reads Date#toString with its GMT offset applied', () => {
    expect(monthFirstDate('Mon Oct 19 2026 10:06:00 GMT+0000 (Coordinated Universal Time)')).toBe('2026-10-19T10:06:00Z');
    expect(monthFirstDate('Tue Mar 03 2026 09:15:00 GMT+0100 (Central European Standard Time)')).toBe('2026-03-03T08:15:00Z');
    expect(monthFirstDate('Fri Jan 02 2026 23:30:00 GMT-0500 (Eastern Standard Time)')).toBe('2026-01-03T04:30:00Z');
  });

  it('reads a month name first with a 12-hour clock, or a date alone', () => {
    expect(monthFirstDate('Oct 19, 2026 10:06 PM')).toBe('2026-10-19T22:06:00Z');
    expect(monthFirstDate('September 4, 2026')).toBe('2026-09-04');
    expect(readTimestamp('Feb 27 2026')).toBe('2026-02-27');
  });

  it('takes nothing else for a month-first date', () => {
    expect(monthFirstDate('Oktober 19 2026')).toBeUndefined();
    expect(monthFirstDate('Mon Foo 19 2026 10:06:00 GMT+0000')).toBeUndefined();
    expect(monthFirstDate('19 Oct 2026')).toBeUndefined();
  });
});

describe("Linear's priorities", () => {
  it('reads Urgent as P1 and No priority as P4, beside High, Medium and Low', () => {
    expect(normaliseSeverity('Urgent')).toBe('P1');
    expect(normaliseSeverity('No priority')).toBe('P4');
    expect(normaliseSeverity('High')).toBe('P2');
    expect(normaliseSeverity('Low')).toBe('P4');
  });

  it('reads a Linear CSV row with a Date#toString creation time and an Urgent priority', () => {
    const csv = 'ID,Team,Title,Description,Status,Priority,Labels,Created\n' + 'OPS-7,Ops,Refunds sent twice,"one line",Done,Urgent,,Tue Jun 02 2026 14:00:00 GMT+0000 (Coordinated Universal Time)\n';
    const [incident] = parseIncidentsCsv(csv, 'incidents/linear.csv');
    expect(incident?.date).toBe('2026-06-02T14:00:00Z');
    expect(incident?.severityLevel).toBe('P1');
  });
});

const PDF_TEXT = [
  'Quaymark Ltd                         Incident review: OPS-88                        INTERNAL',
  '',
  '',
  '               OPS-88: refunds sent twice after the ledger restart',
  '',
  '   Incident        OPS-88 (sev2)                  Date        Monday 4 May 2026',
  '   Author          Dana Ruiz                      Status      Final',
  '',
  '   1. Summary',
  '',
  '   The refund worker restarted and sent 40 refunds again with fresh keys. Nobody noticed',
  '   for an hour.',
  '',
  '   2. Lessons',
  '',
  '      •   A restarted refund run must reuse each refund\'s original idempotency',
  '          key.',
  '      L2. After a restart the worker resumes from the attempt log',
  '',
  '',
  '',
  '                                        Page 1 of 2',
  '                  Printed by d.ruiz@quaymark.example, 05/05/2026 10:12\fQuaymark Ltd                         Incident review: OPS-88                        INTERNAL',
  '',
  '',
  '          and never rebuilds refunds from the ledger.',
  '',
  '   3. Action items',
  '',
  '      Ref      Action                                   Owner     Status',
  '      OPS-90   Keys from the refund id                  Dana      Done 12/05',
  '      OPS-91   Resume from the attempt log instead of   Sam       Open',
  '               the ledger',
  '',
  '',
  '',
  '                                        Page 2 of 2',
  '                  Printed by d.ruiz@quaymark.example, 05/05/2026 10:12\f',
].join('\n');

describe('a postmortem as `pdftotext -layout` text', async () => {
  const markdown = (await postmortemMarkdown(PDF_TEXT, '.txt')) ?? '';
  const pm = parsePostmortem(markdown, 'postmortems/OPS-88 review.pdf.txt');

  it('drops the running header and footer and takes the first line as the title', () => {
    expect(markdown).not.toMatch(/INTERNAL|Page \d of 2|Printed by/);
    expect(pm.title).toBe('OPS-88: refunds sent twice after the ledger restart');
  });

  it('reads a Label value Label value header grid as fields', () => {
    expect(markdown).toContain('Incident: OPS-88 (sev2)');
    expect(markdown).toContain('Status: Final');
    expect(pm.incidentId).toBe('OPS-88');
  });

  it('reads numbered headings, bullets and labelled items, joining a sentence a page break cut', () => {
    expect(pm.lessons).toEqual([
      "A restarted refund run must reuse each refund's original idempotency key.",
      'After a restart the worker resumes from the attempt log and never rebuilds refunds from the ledger.',
    ]);
    expect(pm.narrative).toEqual([]);
    expect(markdown).not.toMatch(/^ {4}/m); // indentation is no code block
  });

  it('reads a column-aligned table with a Status column, a wrapped cell joined to its row', () => {
    expect(pm.actionItems.completed).toEqual(['Keys from the refund id']);
    expect(pm.actionItems.incomplete).toEqual(['Resume from the attempt log instead of the ledger']);
  });
});

const FODT = `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:automatic-styles>
  <style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
  <text:list-style style:name="L2"><text:list-level-style-number text:level="1" style:num-format="1"/></text:list-style>
 </office:automatic-styles>
 <office:body>
  <office:text>
   <text:sequence-decls/>
   <text:h text:outline-level="1">Review: OPS-41 &#8211; parcels booked twice</text:h>
   <table:table table:name="Facts">
    <table:table-column table:number-columns-repeated="2"/>
    <table:table-row><table:table-cell><text:p>Incident</text:p></table:table-cell><table:table-cell><text:p>OPS-41 (sev2)</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>Owner</text:p></table:table-cell><table:table-cell><text:p>Ines</text:p></table:table-cell></table:table-row>
   </table:table>
   <text:h text:outline-level="2">What happened</text:h>
   <text:p>The courier API timed out<text:s text:c="2"/>and we booked<text:line-break/>again.</text:p>
   <text:h text:outline-level="2">Lessons</text:h>
   <text:list text:style-name="L2">
    <text:list-item><text:p><text:span text:style-name="T1">One key.</text:span> A booking keeps its idempotency
       <text:span text:style-name="T2">key on every attempt</text:span>, whatever the retry.</text:p></text:list-item>
    <text:list-item><text:p>Unknown is not failed.</text:p></text:list-item>
   </text:list>
   <text:soft-page-break/>
   <text:h text:outline-level="2">Action items</text:h>
   <table:table table:name="Actions">
    <table:table-header-rows><table:table-row><table:table-cell><text:p>Action</text:p></table:table-cell><table:table-cell><text:p>Status</text:p></table:table-cell></table:table-row></table:table-header-rows>
    <table:table-row><table:table-cell><text:p>Key from the booking id</text:p></table:table-cell><table:table-cell><text:p>Done</text:p></table:table-cell></table:table-row>
    <table:table-row><table:table-cell><text:p>Status lookup before rebooking</text:p></table:table-cell><table:table-cell><text:p>Not started</text:p></table:table-cell></table:table-row>
   </table:table>
  </office:text>
 </office:body>
</office:document>`;

describe('a postmortem as flat OpenDocument text (.fodt)', async () => {
  const markdown = (await postmortemMarkdown(FODT, '.fodt')) ?? '';
  const pm = parsePostmortem(markdown, 'postmortems/OPS-41 review.fodt');

  it('reads headings by outline level and a two-column facts table as fields', () => {
    expect(pm.title).toBe('Review: OPS-41 – parcels booked twice');
    expect(pm.incidentId).toBe('OPS-41');
  });

  it('runs spans split across lines together, counts text:s spaces and keeps a line break', () => {
    expect(pm.lessons).toEqual([
      'One key. A booking keeps its idempotency key on every attempt, whatever the retry.',
      'Unknown is not failed.',
    ]);
    expect(markdown).toContain('1. **One key.** A booking');
    expect(markdown).toContain('The courier API timed out  and we booked\nagain.');
  });

  it('reads an action table with a Status column', () => {
    expect(pm.actionItems.completed).toEqual(['Key from the booking id']);
    expect(pm.actionItems.incomplete).toEqual(['Status lookup before rebooking']);
  });

  it('says a .fodt that is no text document holds no postmortem', async () => {
    expect(await postmortemMarkdown('<office:document><office:body><office:spreadsheet/></office:body></office:document>', '.fodt')).toBeUndefined();
  });
});

const XWIKI = `<?xml version="1.1" encoding="UTF-8"?>

<xwikidoc version="1.5" reference="Ops.Reviews.OPS-52.WebHome" locale="">
  <web>Ops.Reviews.OPS-52</web>
  <name>WebHome</name>
  <title>OPS-52 Reminder storm</title>
  <syntaxId>xwiki/2.1</syntaxId>
  <content>{{box title="**Facts**"}}
|=Incident|OPS-52 (sev3)
|=Owner|Noor
{{/box}}

{{toc depth="2"/}}

== What happened ==

The reminder was sent from //inside// the retry loop, so **every** attempt sent it again.

== Lessons ==

(% class="lessons" %)
* A reminder goes out once per
  invoice, however often the send is retried.
** nested detail
1. Dedup keys never hold the attempt number.

== Actions ==

|=Ref|=Action|=State
|OPS-53|Move the reminder out of the loop ([[runbook>>Ops.Runbooks.Reminders]])|(% style="color:green" %)**done 2026-05-02**
|OPS-54|Cap reminders per day|(% style="color:red" %)**not started**
</content>
  <object><className>XWiki.TagClass</className><property><tags><value>postmortem</value></tags></property></object>
</xwikidoc>`;

describe('a postmortem as an XWiki page export (xwikidoc XML, xwiki/2.1 syntax)', async () => {
  const markdown = (await postmortemMarkdown(XWIKI, '.xml')) ?? '';
  const pm = parsePostmortem(markdown, 'postmortems/Ops.Reviews.OPS-52.WebHome.xml');

  it('takes the page title and reads header rows of an infobox as fields', () => {
    expect(pm.title).toBe('OPS-52 Reminder storm');
    expect(pm.incidentId).toBe('OPS-52');
    expect(markdown).toContain('Owner: Noor');
    expect(markdown).not.toMatch(/\{\{|%\)|postmortem<|TagClass/);
  });

  it('reads headings, bold and italic, and lists with their wrapped lines joined', () => {
    expect(pm.narrative).toEqual(['The reminder was sent from *inside* the retry loop, so **every** attempt sent it again.'.replace(/\*/g, '')]);
    expect(pm.lessons).toEqual(['A reminder goes out once per invoice, however often the send is retried.', 'nested detail', 'Dedup keys never hold the attempt number.']);
  });

  it('reads a |= table as a table, links by their label and states without their style parameters', () => {
    expect(pm.actionItems.completed).toEqual(['Move the reminder out of the loop (runbook)']);
    expect(pm.actionItems.incomplete).toEqual(['Cap reminders per day']);
  });
});

const OSTICKET = `<?xml version="1.0" encoding="UTF-8"?>
<osticket-export version="1.18.1" helpdesk="Quaymark Help">
  <query><![CDATA[created > '2026-01-01']]></query>
  <tickets count="3">
    <ticket id="71" number="300071">
      <created>2026-05-04 09:10:00</created>
      <source>Email</source>
      <user id="9"><name>Ana</name><email>ana@example.com</email></user>
      <subject><![CDATA[Refund twice?]]></subject>
      <thread>
        <entry id="1" type="M" created="2026-05-04 09:10:00" poster="Ana">
          <body format="html"><![CDATA[<div>My refund came <b>twice</b>.</div><div><br></div><div>Ana</div>]]></body>
        </entry>
        <entry id="2" type="R" created="2026-05-04 10:00:00" poster="Sam" staff="1">
          <body format="text"><![CDATA[Sorry, we are aware of an issue affecting refunds today.]]></body>
        </entry>
        <entry id="3" type="N" created="2026-05-04 10:01:00" poster="Sam" staff="1">
          <body format="text"><![CDATA[Linked to parent ticket.]]></body>
        </entry>
        <entry id="4" type="M" created="2026-05-05 08:00:00" poster="Ana">
          <body format="text"><![CDATA[Any news?]]></body>
        </entry>
      </thread>
    </ticket>
    <ticket id="72" number="300072">
      <created>2026-05-04 11:00:00</created>
      <source>Phone</source>
      <subject><![CDATA[Inbound call]]></subject>
      <thread>
        <entry id="5" type="M" created="2026-05-04 11:00:00" poster="Sam" staff="1">
          <body format="text"><![CDATA[Cust called, refund recvd 2x.]]></body>
        </entry>
        <entry id="6" type="N" created="2026-05-06 11:00:00" poster="Sam" staff="1">
          <body format="text"><![CDATA[No reply in 5 days, closing.]]></body>
        </entry>
      </thread>
    </ticket>
    <ticket id="73" number="300073">
      <created>2026-05-07 12:00:00</created>
      <subject><![CDATA[P60 &amp; payslips]]></subject>
      <thread>
        <entry id="7" type="M" created="2026-05-07 12:00:00" poster="Li">
          <body format="text"><![CDATA[Where is my P60?]]></body>
        </entry>
      </thread>
    </ticket>
  </tickets>
</osticket-export>`;

describe('an osTicket XML ticket export', () => {
  const tickets = parseTicketsXml(OSTICKET, 'tickets/osticket.xml');

  it('reads every ticket of the export with its subject and creation time', () => {
    expect(tickets.map((t) => [t.id, t.title, t.createdAt])).toEqual([
      ['71', 'Refund twice?', '2026-05-04 09:10:00'],
      ['72', 'Inbound call', '2026-05-04 11:00:00'],
      ['73', 'P60 &amp; payslips', '2026-05-07 12:00:00'],
    ]);
  });

  it("takes the customer's messages as the ticket's text, not the agents' responses or internal notes", () => {
    expect(tickets[0]?.body).toMatch(/^My refund came twice\.\n+Ana\n\nAny news\?$/); // each message as text, HTML or not
    expect(tickets[0]?.body).not.toMatch(/aware of an issue|parent ticket/);
  });

  it("takes a phone call's note when only the agent wrote, still without the internal notes", () => {
    expect(tickets[1]?.body).toBe('Cust called, refund recvd 2x.');
  });

  it('reads a thread of one message as a conversation', () => {
    expect(tickets[2]?.body).toBe('Where is my P60?');
  });

  it("leaves a JSON export's other message kinds as they were read (Zammad's note articles)", () => {
    const [zammad] = parseTicketsDocument(
      JSON.stringify([{ id: 5, title: 'Refund', created_at: '2026-05-01', articles: [{ type: 'note', body: 'first article' }, { type: 'email', body: 'second' }] }]),
      'tickets/zammad.json',
    );
    expect(zammad?.body).toBe('first article');
  });
});

describe('a Linear CSV issue export', () => {
  const header = 'ID,Team,Title,Description,Status,Estimate,Priority,Labels,Created,Completed\n';
  const row = (id: string, priority: string, labels: string, description = '## Summary\nShort.'): string =>
    `${id},Ops,Refunds sent twice,"${description.replaceAll('"', '""')}",Done,,${priority},"${labels}",Tue Jun 02 2026 14:00:00 GMT+0000 (Coordinated Universal Time),\n`;

  it('reads severity and services from the labels, the rest staying tags', () => {
    const [incident] = parseIncidentsCsv(header + row('OPS-7', 'Urgent', 'sev2, svc:refunder, svc:notifier, stripe'), 'incidents/linear.csv');
    expect(incident?.severityLevel).toBe('P2'); // the priority says how soon, the label how bad
    expect(incident?.systems).toEqual(['refunder', 'notifier']);
    expect(incident?.tags).toEqual(['stripe']);
  });

  it('keeps the priority without a severity label, and a severity column over a label', () => {
    const [plain] = parseIncidentsCsv(header + row('OPS-8', 'High', 'svc:refunder'), 'incidents/linear.csv');
    expect(plain?.severityLevel).toBe('P2');
    const csv = 'ID,Title,Severity,Labels,Created\nOPS-9,Refunds late,SEV3,"sev1, svc:refunder",2026-06-02\n';
    expect(parseIncidentsCsv(csv, 'incidents/other.csv')[0]?.severityLevel).toBe('P3');
  });

  it('reads the Markdown description by its sections as the incident\'s parts', () => {
    const description = '## Summary\nThe refunder timed out.\n\n## What happened\nIt retried with a new key,\nso refunds went twice.\n\n## Follow-ups\n- OPS-10 keys from the refund id\n';
    const [incident] = parseIncidentsCsv(header + row('OPS-11', 'High', 'sev1', description), 'incidents/linear.csv');
    expect(incident?.description).toEqual(['The refunder timed out.', 'It retried with a new key, so refunds went twice.', 'OPS-10 keys from the refund id']);
  });

  it('reads labels the same way from a JSON export', () => {
    const [incident] = parseIncidentsDocument(JSON.stringify([{ id: 'OPS-12', title: 'x', created: '2026-06-01', priority: 'Low', labels: ['sev1', 'svc:refunder'] }]), 'incidents/x.json');
    expect(incident?.severityLevel).toBe('P1');
    expect(incident?.systems).toEqual(['refunder']);
  });
});
