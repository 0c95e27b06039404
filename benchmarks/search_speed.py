"""How fast the search engine answers on a synthetic library (DESIGN.md: ≤ 30 ms p95 at 10,000).

    python benchmarks/search_speed.py [--briefs 10000] [--queries 200]

Generates a deterministic, varied library in memory (distinct articles of 400–900 words, about
3,000 people and 800 factions at 10k with transliteration variants in the text, ≈ 8 events per
brief), builds the index, writes it, reopens it the way a CLI verb does, then times 200 fixed
queries mixing names, words, typos, phrases, NOT and filters. Also times: the build, one changed
brief through the incremental path, and a fresh `python -c` that loads the index and answers one
query (a CLI verb's cost, Python start included). Prints one JSON object last.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.model import (  # noqa: E402
    Article,
    Brief,
    Dateline,
    DateValue,
    Event,
    Faction,
    Library,
    Mention,
    Paragraph,
    Person,
    Role,
    Sentence,
    SourcedText,
)
from tui.search import SearchIndex, documents  # noqa: E402

SYLLABLES = [
    "ba",
    "da",
    "ka",
    "la",
    "ma",
    "na",
    "ra",
    "sa",
    "ta",
    "za",
    "ha",
    "ya",
    "qa",
    "sha",
    "kha",
    "gul",
    "mir",
    "nur",
    "ras",
    "dos",
    "tum",
    "hak",
    "jan",
    "zai",
]
VOWEL_SWAP = {"ou": "o", "u": "o", "i": "e", "ss": "s"}
FACTION_KINDS = ["movement", "party", "armed group", "government", "state", "outlet", "coalition"]
TAGS = [
    "iran",
    "pakistan",
    "taliban",
    "opposition",
    "peace-talks",
    "refugees",
    "economy",
    "security",
    "women",
    "education",
    "drought",
    "border",
    "trade",
    "aid",
]


def pseudo_word(rng: random.Random, low: int = 2, high: int = 4) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(low, high)))


def variant(rng: random.Random, name: str) -> str:
    """A transliteration variant of a name, as different outlets spell it."""
    for a, b in VOWEL_SWAP.items():
        if a in name and rng.random() < 0.5:
            return name.replace(a, b, 1)
    return name


def make_library(n_briefs: int, seed: int = 7) -> Library:
    rng = random.Random(seed)
    common = [pseudo_word(rng) for _ in range(6000)]  # the language's vocabulary
    glue = [
        "the",
        "of",
        "and",
        "to",
        "in",
        "a",
        "that",
        "for",
        "on",
        "with",
        "as",
        "by",
        "from",
        "at",
        "is",
        "was",
        "were",
        "has",
        "have",
        "said",
    ]
    n_people, n_factions = max(20, n_briefs * 3 // 10), max(8, n_briefs * 8 // 100)
    factions = {}
    for i in range(n_factions):
        name = f"{pseudo_word(rng).title()} {rng.choice(['Front', 'Council', 'Party', 'Movement', 'Alliance'])}"
        fid = f"f{i}-" + name.lower().replace(" ", "-")
        factions[fid] = Faction(fid, name, rng.choice(FACTION_KINDS), (pseudo_word(rng).upper(),),
                                rng.choice(["anti-Taliban", "Taliban", "neutral", "mediator"]))  # fmt: skip
    faction_ids = list(factions)
    people = {}
    for i in range(n_people):
        first, last = pseudo_word(rng, 2, 3).title(), pseudo_word(rng, 2, 3).title()
        pid = f"p{i}-{first.lower()}-{last.lower()}"
        roles = (
            Role(
                rng.choice(["Leader", "Spokesperson", "Minister", "Commander"]),
                rng.choice(faction_ids),
            ),
        )
        people[pid] = Person(pid, f"{first} {last}", (last,), rng.choice(["alive", "alive", "deceased", "unknown"]), roles,
                             bio=SourcedText(" ".join(rng.choice(common) for _ in range(25))))  # fmt: skip
    person_ids = list(people)
    briefs, articles, events, mentions = {}, {}, {}, []
    for b in range(n_briefs):
        bid = f"brief-{b:05d}"
        actors = rng.sample(person_ids, 4) + rng.sample(faction_ids, 2)
        names = [people[a].name if a in people else factions[a].name for a in actors]
        year = rng.randint(1990, 2025)
        paragraphs, text, offset = [], [], 0
        for p in range(rng.randint(12, 22)):
            sentences = []
            for s in range(rng.randint(1, 3)):
                words = [
                    rng.choice(common if rng.random() < 0.6 else glue)
                    for _ in range(rng.randint(10, 22))
                ]
                if rng.random() < 0.5:
                    words.insert(rng.randint(0, len(words)), variant(rng, rng.choice(names)))
                sentence = " ".join(words).capitalize() + "."
                sentences.append(
                    Sentence(f"p{p + 1}.s{s + 1}", offset, offset + len(sentence), sentence)
                )
                text.append(sentence)
                offset += len(sentence) + 1
            paragraphs.append(
                Paragraph(f"p{p + 1}", sentences[0].start, sentences[-1].end, tuple(sentences))
            )
        articles[bid] = Article(bid, f"seeds/{bid}.txt", " ".join(text), tuple(paragraphs))
        title = f"{names[0]} and {rng.choice(common)} {rng.choice(common)} in {pseudo_word(rng).title()}"
        summary = tuple(
            SourcedText(" ".join([*rng.sample(names, 2), *(rng.choice(common) for _ in range(30))]))
            for _ in range(2)
        )
        takeaways = tuple(
            SourcedText(" ".join([rng.choice(names), *(rng.choice(common) for _ in range(12))]))
            for _ in range(5)
        )
        event_ids = []
        for e in range(8):
            eid = f"{bid}--e{e}"
            ey = rng.randint(year - 30, year)
            events[eid] = Event(eid, bid, DateValue(str(ey), "year", f"{ey}-00-00", str(ey)),
                                " ".join([rng.choice(names), *(rng.choice(common) for _ in range(8))]),
                                " ".join(rng.choice(common) for _ in range(15)), tuple(rng.sample(actors, 2)))  # fmt: skip
            event_ids.append(eid)
        for a in actors:
            mentions.append(
                Mention(a, bid, "source", 0, 1, "", rng.choice(paragraphs).sentences[0].id)
            )
            mentions.append(Mention(a, bid, f"takeaway:{rng.randint(0, 4)}", 0, 1, ""))
        date = DateValue(f"{year}-05-01", "day", f"{year}-05-01", f"{year}-05-01")
        briefs[bid] = Brief(bid, title, Dateline(pseudo_word(rng).title(), date), faction_ids[0], (),
                            summary, takeaways, tuple(event_ids), tuple(actors), tuple(rng.sample(TAGS, 3)))  # fmt: skip
    return Library(briefs, articles, people, factions, events, tuple(mentions))


def queries(library: Library, count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    people = list(library.people.values())
    factions = list(library.factions.values())
    words = [
        w
        for b in list(library.briefs.values())[:200]
        for w in b.title.lower().split()
        if len(w) > 3
    ]
    makers = [
        lambda: rng.choice(people).name,
        lambda: rng.choice(people).name.split()[-1].lower(),
        lambda: variant(rng, rng.choice(people).name.split()[-1].lower()),
        lambda: (lambda w: w[:-2] + w[-1] + w[-2])(
            rng.choice(people).name.split()[-1].lower()
        ),  # typo
        lambda: rng.choice(words),
        lambda: f"{rng.choice(words)} {rng.choice(words)}",
        lambda: f'"{rng.choice(factions).name}"',
        lambda: f"{rng.choice(words)} -{rng.choice(words)}",
        lambda: f"kind:person {rng.choice(people).name.split()[0]}",
        lambda: "status:deceased",
        lambda: f"tag:{rng.choice(TAGS)}",
        lambda: f"actor:{rng.choice(people).name.split()[-1].lower()}",
        lambda: f"faction:{rng.choice(factions).name.split()[0]} year:2000..2010",
        lambda: f"{rng.choice(words)} tag:{rng.choice(TAGS)} -kind:sentence",
        lambda: rng.choice(words)[:3],  # typing: a prefix
    ]
    return [makers[i % len(makers)]() for i in range(count)]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--briefs", type=int, default=10000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    started = time.perf_counter()
    library = make_library(args.briefs)
    generate_s = time.perf_counter() - started
    started = time.perf_counter()
    index = SearchIndex.build(documents(library))
    build_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "search"
        started = time.perf_counter()
        index.dump(directory)
        dump_s = time.perf_counter() - started
        del index
        started = time.perf_counter()
        loaded = SearchIndex.load(directory)
        load_ms = (time.perf_counter() - started) * 1000
        qs = queries(library, args.queries)
        started = time.perf_counter()
        loaded.search(qs[0], 20)
        first_ms = (time.perf_counter() - started) * 1000
        times = []
        for q in qs:
            started = time.perf_counter()
            loaded.search(q, 20)
            times.append((time.perf_counter() - started) * 1000)
        times.sort()
        # one changed brief, through the incremental path
        brief_id = next(iter(library.briefs))
        brief = library.briefs[brief_id]
        changed = {
            **library.briefs,
            brief_id: type(brief)(
                **{**{f: getattr(brief, f) for f in brief.__slots__}, "title": "A changed title"}
            ),
        }
        library2 = Library(
            changed,
            library.articles,
            library.people,
            library.factions,
            library.events,
            library.mentions,
        )
        started = time.perf_counter()
        again = SearchIndex.load(directory)
        again.update(documents(library2, briefs=[brief_id], entities=brief.actors))
        again.dump(directory)
        incremental_ms = (time.perf_counter() - started) * 1000
        code = (
            f"import sys; sys.path.insert(0, {str(ROOT)!r}); from pathlib import Path; "
            f"from tui.search import SearchIndex; "
            f"print(len(SearchIndex.load(Path({str(directory)!r})).search('changed title', 20).hits))"
        )
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        cli_ms = (time.perf_counter() - started) * 1000
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        python_ms = (time.perf_counter() - started) * 1000
        size_mb = sum(p.stat().st_size for p in directory.rglob("*") if p.is_file()) / 1e6
    result = {
        "briefs": args.briefs,
        "documents": loaded.size,
        "generate_s": round(generate_s, 2),
        "build_s": round(build_s, 2),
        "dump_s": round(dump_s, 2),
        "index_mb": round(size_mb, 1),
        "load_ms": round(load_ms, 2),
        "first_query_ms": round(first_ms, 1),
        "search_ms_median": round(statistics.median(times), 2),
        "search_ms_p95": round(times[int(len(times) * 0.95) - 1], 2),
        "search_ms_max": round(times[-1], 2),
        "incremental_one_brief_ms": round(incremental_ms, 1),
        "cli_load_and_query_ms": round(cli_ms, 1),
        "bare_python_ms": round(python_ms, 1),
        "changed_brief_found": out.stdout.strip() != "0",
    }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
