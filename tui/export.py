"""A brief as plain text, Markdown, HTML or JSON, for `brief show` and `brief export`. No Textual.

All text from content and articles is escaped for the target format: Markdown punctuation is
backslash-escaped, HTML is built with :func:`html.escape` only.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import orjson

from .model import Background, Brief, Faction, Person, SourceRef, to_dict
from .store import Store

SECTIONS = ("summary", "takeaways", "actors", "history", "source")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|!~&])")


def md_escape(text: str) -> str:
    return _MD_SPECIAL.sub(r"\\\1", text)


def refs_label(refs: tuple[SourceRef, ...]) -> str:
    ids = list(dict.fromkeys(s for ref in refs for s in (ref.sentences or (ref.sentence,))))
    return f" [{', '.join(ids)}]" if ids else ""


def dateline_text(brief: Brief) -> str:
    parts = [
        brief.dateline.place or "",
        brief.dateline.date.display() if brief.dateline.date else "",
    ]
    return ", ".join(p for p in parts if p)


# -- JSON ----------------------------------------------------------------------------------------
def brief_json(store: Store, brief: Brief, section: str | None = None) -> dict[str, Any]:
    """Everything about one brief, each claim with its resolved sentence ids and spans."""
    events = store.events(brief.id)
    people = [p for p in (store.person(a) for a in brief.actors) if p]
    factions = [f for f in (store.faction(a) for a in brief.actors) if f]
    article = store.article(brief.id)
    data: dict[str, Any] = {
        "brief": to_dict(brief),
        "summary": to_dict(brief.summary),
        "takeaways": to_dict(brief.takeaways),
        "actors": {"people": to_dict(people), "factions": to_dict(factions)},
        "history": to_dict(events),
        "source": to_dict(article) if article else None,
        "mentions": to_dict(store.mentions(brief.id)),
    }
    if section is not None:
        return {"brief": brief.id, section: data[section]}
    return data


def dumps(data: Any) -> str:
    return orjson.dumps(data, option=orjson.OPT_INDENT_2).decode()


# -- text and Markdown ---------------------------------------------------------------------------
def _actor_lines(store: Store, brief: Brief, escape: Callable[[str], str]) -> list[str]:
    lines = []
    for actor in brief.actors:
        entity = store.entity(actor)
        if entity is None:
            continue
        if store.is_person(actor):
            person = store.person(actor)
            assert person is not None
            roles = "; ".join(
                f"{r.title}"
                + (f", {store.name_of(r.faction)}" if r.faction else "")
                + (" (background)" if r.background else "")
                for r in person.roles
            )
            dead = " (deceased)" if person.status == "deceased" else ""
            lines.append(
                f"- {escape(person.name)}{dead}" + (f" — {escape(roles)}" if roles else "")
            )
        else:
            faction = store.faction(actor)
            assert faction is not None
            lines.append(f"- {escape(faction.name)} ({faction.kind}, {escape(faction.stance)})")
    return lines


def brief_text(
    store: Store, brief: Brief, section: str | None = None, *, markdown: bool = False
) -> str:
    esc: Callable[[str], str] = md_escape if markdown else (lambda s: s)
    heading = (lambda t: f"## {t}") if markdown else (lambda t: f"{t}\n{'-' * len(t)}")
    notes: list[str] = []

    def cite(refs: tuple[SourceRef, ...], background: tuple[Background, ...] = ()) -> str:
        # Background the article does not carry is always shown as such (DESIGN.md section 4).
        if not markdown:
            return refs_label(refs) + "".join(f" [background: {b.note}]" for b in background)
        marks = []
        for ref in refs:
            notes.append(f'[^{len(notes) + 1}]: "{md_escape(ref.quote)}" ({ref.sentence})')
            marks.append(f"[^{len(notes)}]")
        for mark in background:
            notes.append(f"[^{len(notes) + 1}]: background: {md_escape(mark.note)}")
            marks.append(f"[^{len(notes)}]")
        return "".join(marks)

    def summary() -> list[str]:
        return [esc(p.text) + cite(p.sources, p.background) for p in brief.summary]

    def takeaways() -> list[str]:
        return [
            "\n".join(f"- {esc(t.text)}{cite(t.sources, t.background)}" for t in brief.takeaways)
        ]

    def actors() -> list[str]:
        return ["\n".join(_actor_lines(store, brief, esc))]

    def history() -> list[str]:
        lines = []
        for event in store.events(brief.id):
            when = f"**{esc(event.date.display())}**" if markdown else event.date.display()
            lines.append(f"- {when} — {esc(event.text)}{cite(event.sources, event.background)}")
        return ["\n".join(lines)]

    def source() -> list[str]:
        article = store.article(brief.id)
        if article is None:
            return []
        paragraphs = [(p.id, " ".join(s.text for s in p.sentences)) for p in article.paragraphs]
        return [esc(text) if markdown else f"[{pid}] {text}" for pid, text in paragraphs]

    blocks: dict[str, Callable[[], list[str]]] = {
        "summary": summary,
        "takeaways": takeaways,
        "actors": actors,
        "history": history,
        "source": source,
    }
    titles = {
        "summary": "Summary",
        "takeaways": "Key takeaways",
        "actors": "Actors",
        "history": "History",
        "source": "Source",
    }

    out: list[str] = []
    if section is None:
        out.append(f"# {esc(brief.title)}" if markdown else brief.title)
        meta = [dateline_text(brief)]
        if brief.reporting_chain:
            meta.append("Reported by " + brief.chain_display())
        out.append(esc(" · ".join(m for m in meta if m)))
        names = SECTIONS
    else:
        names = (section,)
    for name in names:
        out.append(heading(titles[name]))
        out.extend(blocks[name]())
    if notes:
        out.append("\n".join(notes))
    return "\n\n".join(out) + "\n"


# -- HTML ----------------------------------------------------------------------------------------
_CSS = """body{font:16px/1.5 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1{font-size:1.6rem}.meta{color:#555}blockquote{color:#444;border-left:3px solid #ccc;margin:0;
padding-left:1rem}sup a{text-decoration:none}li{margin:.3rem 0}"""


def brief_html(store: Store, brief: Brief) -> str:
    e = html.escape
    notes: list[SourceRef] = []

    def cite(refs: tuple[SourceRef, ...], background: tuple[Background, ...] = ()) -> str:
        out = []
        for ref in refs:
            notes.append(ref)
            n = len(notes)
            out.append(f'<sup><a href="#n{n}" id="r{n}">{n}</a></sup>')
        out += [f' <small class="background">[background: {e(b.note)}]</small>' for b in background]
        return "".join(out)

    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(brief.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(brief.title)}</h1>",
        f'<p class="meta">{e(dateline_text(brief))}'
        + (f" · Reported by {e(brief.chain_display())}" if brief.reporting_chain else "")
        + "</p>",
        "<h2>Summary</h2>",
        *(f"<p>{e(p.text)}{cite(p.sources, p.background)}</p>" for p in brief.summary),
        "<h2>Key takeaways</h2><ul>",
        *(f"<li>{e(t.text)}{cite(t.sources, t.background)}</li>" for t in brief.takeaways),
        "</ul><h2>Actors</h2><ul>",
        *(f"<li>{e(line[2:])}</li>" for line in _actor_lines(store, brief, lambda s: s)),
        "</ul><h2>History</h2><ul>",
        *(
            f"<li><strong>{e(ev.date.display())}</strong> — {e(ev.text)}"
            f"{cite(ev.sources, ev.background)}</li>"
            for ev in store.events(brief.id)
        ),
        "</ul><h2>Source</h2>",
    ]
    article = store.article(brief.id)
    if article is not None:
        parts += [
            f'<p id="{p.id}">' + " ".join(e(s.text) for s in p.sentences) + "</p>"
            for p in article.paragraphs
        ]
    if notes:
        parts.append("<h2>Sources</h2><ol>")
        parts += [
            f'<li id="n{n}"><blockquote>{e(ref.quote)}</blockquote> '
            f'<a href="#{ref.sentence.split(".")[0]}">{e(ref.sentence)}</a> <a href="#r{n}">↩</a></li>'
            for n, ref in enumerate(notes, 1)
        ]
        parts.append("</ol>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


# -- the user's notes (`brief notes`, `brief export --with-notes`) ---------------------------------
def note_label(store: Store, note: Any) -> str:
    """What a note is attached to, for people: "Key takeaway 2", "Source p3.s2", "Ahmad Massoud"."""
    anchor = note.anchor
    if anchor.entity is not None:
        return store.name_of(anchor.entity)
    brief = store.brief(anchor.brief) if anchor.brief else None
    title = brief.title if brief is not None else anchor.brief or ""
    if not anchor.item:
        return f"Brief: {title}"
    kind, _, key = anchor.item.partition(":")
    if kind in ("summary", "takeaway") and key.isdigit():
        name = "Summary paragraph" if kind == "summary" else "Key takeaway"
        return f"{name} {int(key) + 1}"
    if kind == "event":
        event = next((e for e in store.events(anchor.brief or "") if e.id == key), None)
        return f"History: {event.date.display()}" if event is not None else f"History: {key}"
    return f"Source {key}"


def brief_notes(store: Store, brief: Brief, notes: list[Any]) -> list[Any]:
    """The notes an export of ``brief`` carries: on it, its items, and its actors."""
    actors = set(brief.actors)
    return [n for n in notes if n.anchor.brief == brief.id or n.anchor.entity in actors]


def notes_markdown(store: Store, notes: list[Any]) -> str:
    from .userdata import clean

    lines = ["## Notes", ""]
    for note in notes:
        orphan = " (orphaned: no longer in the brief)" if note.orphaned else ""
        lines += [f"- **{md_escape(clean(note_label(store, note)))}**{orphan} — {note.updated}", ""]
        if note.quote:
            lines += [f"  > {md_escape(' '.join(clean(note.quote).split()))}", ""]
        text = [md_escape(line) for line in clean(note.text).strip("\n").split("\n")]
        lines += ["  " + "\\\n  ".join(text), ""]
    return "\n".join(lines)


def notes_html(store: Store, notes: list[Any]) -> str:
    from .userdata import clean

    e = html.escape
    parts = ["<h2>Notes</h2><ul>"]
    for note in notes:
        orphan = " <em>(orphaned: no longer in the brief)</em>" if note.orphaned else ""
        quote = f"<blockquote>{e(clean(note.quote))}</blockquote>" if note.quote else ""
        text = "<br>".join(e(line) for line in clean(note.text).split("\n"))
        parts.append(
            f"<li><strong>{e(clean(note_label(store, note)))}</strong>{orphan} "
            f"<small>{e(note.updated)}</small>{quote}<p>{text}</p></li>"
        )
    parts.append("</ul>")
    return "\n".join(parts) + "\n"


def with_notes(store: Store, brief: Brief, fmt: str, text: str, notes: list[Any]) -> str:
    """An export (``text`` in ``fmt``) with the brief's notes added."""
    notes = brief_notes(store, brief, notes)
    if fmt == "json":
        data = orjson.loads(text)
        data["notes"] = [{**n.to_json(), "label": note_label(store, n)} for n in notes]
        return dumps(data) + "\n"
    if not notes:
        return text
    if fmt == "html":
        head, _, tail = text.rpartition("</body>")
        return head + notes_html(store, notes) + "</body>" + tail
    return text.rstrip("\n") + "\n\n" + notes_markdown(store, notes)


# -- an entity's dossier ---------------------------------------------------------------------------
def _mentions_by_brief(store: Store, entity_id: str) -> list[tuple[str, int, list[str]]]:
    """(brief, number of mentions, sentence ids named in) per brief, in brief order."""
    return store.entity_mention_summary(entity_id)


def _brief_title(store: Store, brief_id: str) -> str:
    return store.title_of(brief_id)


def entity_json(store: Store, entity: Person | Faction) -> dict[str, Any]:
    """A person's or faction's dossier: who, roles or members, relations, mentions, timeline."""
    kind = "person" if isinstance(entity, Person) else "faction"
    data: dict[str, Any] = {"kind": kind, "entity": to_dict(entity)}
    if isinstance(entity, Person):
        data["factions"] = [
            {"id": f, "name": store.name_of(f)} for f in store.factions_of(entity.id)
        ]
    else:
        data["members"] = [{"id": m, "name": store.name_of(m)} for m in store.members(entity.id)]
    data["relations"] = [
        {
            "label": link.label,
            "target": link.target,
            "name": store.name_of(link.target),
            "inverse": link.inverse,
            "sources": orjson.loads(orjson.dumps(link.relation.sources)),
        }
        for link in store.links(entity.id)
    ]
    mentions = _mentions_by_brief(store, entity.id)
    data["mentions"] = {
        "total": sum(count for _b, count, _s in mentions),
        "briefs": [
            {"brief": b, "title": _brief_title(store, b), "count": count, "sentences": sentences}
            for b, count, sentences in mentions
        ],
    }
    data["timeline"] = [
        {**event, "brief_title": _brief_title(store, str(event.get("brief")))}
        for event in store.entity_events_stored(entity.id)
    ]
    return data


def _entity_lines(
    store: Store, entity: Person | Faction, esc: Callable[[str], str]
) -> dict[str, list[str]]:
    what: dict[str, list[str]] = {}
    if isinstance(entity, Person):
        what["Roles"] = [
            f"- {esc(r.title)}"
            + (f", {esc(store.name_of(r.faction))}" if r.faction else "")
            + (f" (since {esc(r.since.display())})" if r.since else "")
            + (f" (until {esc(r.until.display())})" if r.until else "")
            + refs_label(r.sources)
            for r in entity.roles
        ]
    else:
        what["Members"] = [f"- {esc(store.name_of(m))} ({m})" for m in store.members(entity.id)]
    what["Relations"] = [
        f"- {esc(link.label)} {esc(store.name_of(link.target))}{refs_label(link.relation.sources)}"
        for link in store.links(entity.id)
    ]
    mentions = _mentions_by_brief(store, entity.id)
    total = sum(count for _b, count, _s in mentions)
    what[f"Mentions ({total} in {len(mentions)} briefs)"] = [
        f"- {esc(_brief_title(store, b))} ({b}): {count}"
        + (
            f" [{', '.join(sentences[:8])}{', …' if len(sentences) > 8 else ''}]"
            if sentences
            else ""
        )
        for b, count, sentences in mentions
    ]
    what["Timeline"] = [
        f"- {esc(date.display())} — {esc(text)} ({esc(_brief_title(store, brief))})"
        for brief, date, text in store.entity_timeline(entity.id)
    ]
    return what


def _entity_meta(entity: Person | Faction) -> str:
    if isinstance(entity, Person):
        meta = f"person · {entity.status}"
        text = entity.bio.text
    else:
        meta = f"{entity.kind} · {entity.stance}"
        if entity.founded:
            meta += f" · founded {entity.founded.display()}"
        text = entity.description.text
    if entity.aliases:
        meta += " · also " + ", ".join(entity.aliases)
    return meta + ("\n\n" + text if text else "")


def entity_text(store: Store, entity: Person | Faction, *, markdown: bool = False) -> str:
    esc: Callable[[str], str] = md_escape if markdown else (lambda s: s)
    out = [f"# {esc(entity.name)}" if markdown else entity.name, esc(_entity_meta(entity))]
    for title, lines in _entity_lines(store, entity, esc).items():
        out.append(f"## {title}" if markdown else f"{title}\n{'-' * len(title)}")
        out.append("\n".join(lines) if lines else "(none)")
    return "\n\n".join(out) + "\n"


def entity_html(store: Store, entity: Person | Faction) -> str:
    e = html.escape
    parts = [
        "<!doctype html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{e(entity.name)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{e(entity.name)}</h1>",
        *(f'<p class="meta">{e(p)}</p>' for p in _entity_meta(entity).split("\n\n")),
    ]
    for title, lines in _entity_lines(store, entity, lambda s: s).items():
        parts.append(f"<h2>{e(title)}</h2><ul>")
        parts += [f"<li>{e(line[2:])}</li>" for line in lines]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
