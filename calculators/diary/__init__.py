"""A private response diary: one entry a day (the PEG's three items, sleep, mood, the side effects
a reader notices and how long they lasted, infusion days, a note), its files, and a summary with
a chart, to take to a clinician. Never a calculator page or an embed (it is not in
`calculators.tools`): what a reader records stays on their device.

Modules, one concern each: `entries` (a day's fields and `read_entry`), `files` (JSON and CSV,
`parse`), `planner` (infusion days from the schedule planner's calendar file), `summary` (the
figures), `chart` (the SVG), `words` (the summary's sentences), `view` (HTML and text, and the
page's form), `api` (the browser's answers). Sans-io; the command line
(`python -m calculators diary --summary FILE`) reads the file.

The browser's worker calls `calculators.diary_json(request_json, lang)`; it never raises. Every
answer has `ok`, `action` and `summary` (one sentence for a live region); a refused one has
`problem`: `{"code", "message", "date", "number", "field", "field_code"}` (stable `code`;
`date`, `number`, `field` and `field_code` name an entry's problem, else "", 0). Entries travel
as `Entry.stored()` gives them (see `files`): the page keeps them as they come back.

- `{"action": "entry", "fields": {"date": "2027-01-04", "pain": "6", "effects":
  ["headache"], "lasted_headache": "2", "infusion": "yes", "note": "..."}}` (a form's text;
  numbers, lists and true/false are taken too) -> `{"entry": {...}, "errors": {}, "codes": {},
  "notes": [how a value was read]}`, or `ok` false with `entry` null and `errors` and `codes`
  by field (`entries.INPUTS`; "missing", "invalid", "too-low", "too-high", "negative",
  "no-such-date", "not-ticked", "too-long", ...).
- `{"action": "summary", "entries": [...], "notes": false}` -> `{"values": summary.summarise(),
  "html" (with the reader's notes when `notes`), "framing", "limitations": [...], "questions":
  [...], "references": [ids]}`.
- `{"action": "import", "text": "<a JSON or CSV file>"}` -> `{"entries": [...]}` in date order,
  or `ok` false with the `problem` (`files.parse`) and nothing else: the page keeps what it has.
- `{"action": "export", "kind": "json" | "csv", "entries": [...]}` -> `{"text", "media_type",
  "filename"}`.
- `{"action": "ics", "text": "<the schedule planner's calendar file>", "entries": [...],
  "until": "2027-01-20"}` -> `{"entries": [...]}`: every entry, in date order, with the file's
  infusion days up to `until` (the reader's today; without it, all) marked as such (a day without
  an entry gets one; a day's other values never change), and the days as YYYY-MM-DD: `marked`
  (newly), `already` (marked before), `later` (after `until`, left unmarked); or `ok` false with
  the `problem` (`planner.infusion_days`: "empty", "damaged", "foreign", "no-infusions").
A request that is not JSON, an unknown action or language, a list of entries with a problem
(the same problems as an import's) or an unknown kind: `ok` false and the `problem`.
"""
