"""A deterministic, varied synthetic library of N briefs, built through the real pipeline.

    python benchmarks/make_library.py N OUT [--no-build]

OUT gets content/ (briefs, people, factions as Markdown with footnotes quoting the articles),
seeds/ (distinct articles of 400–900 words) and, unless --no-build, the store built by
`brief build OUT/content -o OUT/store` in a subprocess, timed, with its peak memory, recorded in
OUT/build.json. People and factions are shared across briefs the way real coverage shares them: a
few factions and people appear in thousands of briefs, most in a handful (≈3,000 people and 800
factions at N=10,000; ≈8 History events per brief).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

FIRST = [
    "Abdul",
    "Ahmad",
    "Ali",
    "Amir",
    "Anwar",
    "Asad",
    "Bashir",
    "Daud",
    "Farid",
    "Ghulam",
    "Habib",
    "Hamid",
    "Hanif",
    "Ismail",
    "Jamal",
    "Karim",
    "Khalid",
    "Latif",
    "Mahmud",
    "Masud",
    "Mohammad",
    "Mustafa",
    "Nabi",
    "Nasir",
    "Omar",
    "Qasim",
    "Rahim",
    "Rashid",
    "Saeed",
    "Sami",
    "Shah",
    "Tariq",
    "Wahid",
    "Yusuf",
    "Zahir",
    "Amina",
    "Farah",
    "Laila",
    "Mariam",
    "Nadia",
    "Parwin",
    "Roya",
    "Sima",
    "Zainab",
    "Fatima",
    "Hasina",
]
LAST = [
    "Ahmadi",
    "Akbari",
    "Alizai",
    "Amini",
    "Azizi",
    "Barakzai",
    "Durrani",
    "Faizi",
    "Ghani",
    "Habibi",
    "Hakimi",
    "Hashimi",
    "Jalali",
    "Karimi",
    "Khalili",
    "Kohistani",
    "Mansoori",
    "Mohammadi",
    "Nazari",
    "Noori",
    "Omari",
    "Popal",
    "Qaderi",
    "Rahimi",
    "Rahmani",
    "Rasuli",
    "Sadiqi",
    "Safi",
    "Samadi",
    "Sharifi",
    "Stanekzai",
    "Tarzi",
    "Wardak",
    "Yaqubi",
    "Zaheer",
    "Zamani",
    "Hotak",
    "Sultani",
    "Nawabi",
    "Daudzai",
    "Kakar",
    "Mangal",
    "Niazi",
    "Shinwari",
    "Tokhi",
    "Waziri",
    "Yousafzai",
    "Zadran",
    "Achakzai",
    "Baloch",
]
ADJ = [
    "National",
    "Islamic",
    "Democratic",
    "Popular",
    "United",
    "Free",
    "Unity",
    "Liberation",
    "Republican",
    "Progressive",
    "Federal",
    "Independent",
    "Revolutionary",
    "Patriotic",
    "Central",
    "Northern",
    "Southern",
    "Western",
    "Eastern",
    "Civic",
]
NOUN = [
    "Front",
    "Council",
    "Movement",
    "Alliance",
    "Party",
    "Assembly",
    "Coalition",
    "Union",
    "Congress",
    "League",
    "Association",
    "Network",
    "Committee",
    "Forum",
    "Bloc",
    "Brotherhood",
    "Mission",
    "Authority",
    "Commission",
    "Agency",
]
CAUSE = [
    "Salvation",
    "Justice",
    "Peace",
    "Reform",
    "Renewal",
    "Resistance",
    "Reconciliation",
    "Progress",
    "Solidarity",
    "Development",
    "Independence",
    "Freedom",
    "Dignity",
    "Sovereignty",
    "Security",
    "Welfare",
    "Hope",
    "Truth",
    "Law",
    "Labour",
]
KINDS = (
    "movement",
    "party",
    "armed group",
    "government",
    "state",
    "coalition",
    "outlet",
    "international body",
)
STANCES = ("anti-Taliban", "Taliban", "mediator", "neutral")
PLACES = (
    "Kabul",
    "Herat",
    "Mazar-i-Sharif",
    "Kandahar",
    "Jalalabad",
    "Kunduz",
    "Bamyan",
    "Ghazni",
    "Islamabad",
    "Tehran",
    "Doha",
    "Dushanbe",
    "Tashkent",
    "New Delhi",
    "Geneva",
)
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
VERBS = (
    "met",
    "criticised",
    "supported",
    "warned",
    "accused",
    "praised",
    "joined",
    "questioned",
    "addressed",
    "opposed",
    "visited",
    "welcomed",
    "challenged",
    "thanked",
    "urged",
)
SYLLABLES = [
    "ka",
    "ri",
    "to",
    "mal",
    "sen",
    "dor",
    "vi",
    "lan",
    "pe",
    "qu",
    "ash",
    "bel",
    "tor",
    "nim",
    "sar",
    "fa",
    "dun",
    "gel",
    "hor",
    "ist",
    "mor",
    "pra",
    "sul",
    "ten",
    "ul",
    "var",
    "wen",
    "yas",
    "zor",
    "bri",
    "cam",
    "dre",
    "fel",
    "gan",
    "hul",
    "jor",
    "kel",
    "lum",
]
TOPICS = (
    "talks",
    "ceasefire",
    "elections",
    "drought",
    "border",
    "schools",
    "refugees",
    "trade",
    "sanctions",
    "prisoners",
    "aid",
    "water",
    "corridor",
    "mining",
    "roads",
    "clinics",
)


def words_vocabulary(rng: random.Random, size: int = 4000) -> list[str]:
    vocab: set[str] = set()
    while len(vocab) < size:
        vocab.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(vocab)


def slug(text: str) -> str:
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    return "-".join(p for p in out.split("-") if p)


class Maker:
    def __init__(self, n: int, seed: int = 8) -> None:
        self.n = n
        self.rng = random.Random(seed)
        self.vocab = words_vocabulary(self.rng)
        rng = self.rng
        n_people = max(20, round(n * 0.3))
        n_factions = max(8, round(n * 0.08))
        names: list[str] = []
        seen: set[str] = set()
        for first in FIRST:
            for last in LAST:
                names.append(f"{first} {last}")
        rng.shuffle(names)
        extra = 0
        while len(names) < n_people:  # beyond the combinations: a middle name
            extra += 1
            names.append(f"{rng.choice(FIRST)} {rng.choice(FIRST)} {rng.choice(LAST)}")
        self.people = []
        for name in names:
            if name in seen:
                continue
            seen.add(name)
            self.people.append({"id": slug(name), "name": name})
            if len(self.people) == n_people:
                break
        self.factions = []
        fseen: set[str] = set()
        while len(self.factions) < n_factions:
            name = f"{rng.choice(ADJ)} {rng.choice(NOUN)} for {rng.choice(CAUSE)}"
            if rng.random() < 0.4:
                name = (
                    f"{rng.choice(ADJ)} {rng.choice(ADJ)} {rng.choice(NOUN)} of {rng.choice(CAUSE)}"
                )
            if name in fseen:
                continue
            fseen.add(name)
            self.factions.append(
                {
                    "id": slug(name),
                    "name": name,
                    "kind": rng.choice(KINDS),
                    "stance": rng.choice(STANCES),
                }
            )
        # popularity: a few entities everywhere, most in a handful of briefs
        self.people_weights = [1 / (rank + 1) ** 0.8 for rank in range(len(self.people))]
        self.faction_weights = [1 / (rank + 1) ** 0.9 for rank in range(len(self.factions))]
        self.home: dict[str, tuple[str, str]] = {}  # entity → (brief id, sentence quoted)
        self.roles: dict[str, tuple[str, str, str]] = {}  # person → (faction, brief, quote)

    def phrase(self, k: int) -> str:
        return " ".join(self.rng.choice(self.vocab) for _ in range(k))

    def pick(self, pool: list[dict], weights: list[float], k: int) -> list[dict]:
        chosen: dict[str, dict] = {}
        while len(chosen) < k:
            item = self.rng.choices(pool, weights)[0]
            chosen[item["id"]] = item
        return list(chosen.values())

    def brief(self, number: int, root: Path) -> None:
        rng = self.rng
        brief_id = (
            f"b{number:05d}-{rng.choice(TOPICS)}-{rng.choice(PLACES).lower().replace('-', '')}"
        )
        brief_id = slug(brief_id)
        # every entity appears somewhere: the first briefs introduce them in turn
        people = self.pick(self.people, self.people_weights, rng.randint(3, 7))
        factions = self.pick(self.factions, self.faction_weights, rng.randint(2, 4))
        newcomer_p = self.people[number % len(self.people)]
        newcomer_f = self.factions[number % len(self.factions)]
        if newcomer_p not in people:
            people.append(newcomer_p)
        if newcomer_f not in factions:
            factions.append(newcomer_f)
        year = rng.randint(1995, 2025)
        month = rng.choice(MONTHS)
        day = rng.randint(1, 28)
        place = rng.choice(PLACES)
        topic = rng.choice(TOPICS)
        sentences: list[str] = []
        quotes: dict[str, str] = {}

        def sentence(text: str, label: str | None = None) -> None:
            sentences.append(text)
            if label:
                quotes[label] = text.rstrip(".")

        sentence(
            f"{place}, {month} {day} ({factions[0]['name']}): officials spoke about {topic} {self.phrase(6)}.",
            "dl",
        )
        for p in people:
            f = rng.choice(factions)
            text = (
                f"{p['name']} of the {f['name']} {rng.choice(VERBS)} {self.phrase(5)} on {topic}."
            )
            sentence(text, f"p-{p['id']}")
            if p["id"] not in self.home:
                self.home[p["id"]] = (brief_id, text.rstrip("."))
                self.roles[p["id"]] = (f["id"], brief_id, text.rstrip("."))
        for f in factions:
            text = f"The {f['name']} {rng.choice(VERBS)} {self.phrase(6)} near {place}."
            sentence(text, f"f-{f['id']}")
            if f["id"] not in self.home:
                self.home[f["id"]] = (brief_id, text.rstrip("."))
        events = []
        used: set[tuple[int, str]] = set()
        for e in range(rng.randint(6, 10)):
            while True:
                actor = rng.choice(people)
                other = rng.choice(factions)
                when = rng.randint(1979, year)
                verb = rng.choice(VERBS)
                head = f"{actor['name']} {verb} the {other['name']}"
                key = (when, " ".join(head.split()[:5]))
                if key not in used:
                    used.add(key)
                    break
            words = self.phrase(4)
            sentence(f"In {when} {head} over {words}.", f"e{e}")
            events.append((when, f"{head} over {words}.", f"e{e}"))
        target = rng.randint(400, 900)
        while sum(len(s.split()) for s in sentences) < target:
            who = rng.choice(people + factions)["name"] if rng.random() < 0.3 else "Observers"
            sentence(f"{who} said {self.phrase(rng.randint(8, 16))}.")
        # the quoted sentences stay put; the filler is spread between them
        head, rest = sentences[:1], sentences[1:]
        rng.shuffle(rest)
        body = head + rest
        paragraphs = [" ".join(body[i : i + 3]) for i in range(0, len(body), 3)]
        title = f"{factions[0]['name']} and {people[0]['name']} on {topic} in {place}"
        seed = root / "seeds" / f"{brief_id}.txt"
        seed.write_text(f"{title}\n\n" + "\n\n".join(paragraphs) + "\n")

        takeaways = []
        for n, p in enumerate(people[:4]):
            takeaways.append(f"- {p['name']} took part in the {topic} discussions.[^t{n}]")
        notes = [f'[^t{n}]: "{quotes["p-" + p["id"]]}"' for n, p in enumerate(people[:4])]
        history = []
        for when, headline, label in sorted(events):
            history.append(f"- **{when}** — {headline}[^{label}]")
            notes.append(f'[^{label}]: "{quotes[label]}"')
        notes.append(f'[^dl]: "{quotes["dl"]}"')
        tags = sorted({topic, place.lower().replace(" ", "-").replace("-i-", "-"), "synthetic"})
        text = f"""---
title: {json.dumps(title)}
source: seeds/{brief_id}.txt
dateline:
  place: {place}
  date: {month} {day}
  year: {year}
tags: [{", ".join(tags)}]
---

## Summary

{people[0]["name"]} and the {factions[0]["name"]} discussed {topic} in {place}.[^dl]
{" ".join(p["name"] for p in people[1:3])} were also named.

## Key takeaways

{chr(10).join(takeaways)}

## History

{chr(10).join(history)}

{chr(10).join(notes)}
"""
        (root / "content" / "briefs" / f"{brief_id}.md").write_text(text)

    def entities(self, root: Path) -> None:
        for p in self.people:
            if p["id"] not in self.home:
                continue
            brief_id, quote = self.home[p["id"]]
            faction, _b, _q = self.roles[p["id"]]
            status = self.rng.choice(("alive", "alive", "deceased", "unknown"))
            (root / "content" / "people" / f"{p['id']}.md").write_text(
                f"""---
name: {p["name"]}
status: {status}
brief: {brief_id}
roles:
  - title: Member
    of: {faction}
    source: 1
---
Named in the reporting on the {faction.replace("-", " ")}.[^1]

[^1]: "{quote}"
"""
            )
        for f in self.factions:
            if f["id"] not in self.home:
                continue
            brief_id, quote = self.home[f["id"]]
            (root / "content" / "factions" / f"{f['id']}.md").write_text(
                f"""---
name: {f["name"]}
kind: {f["kind"]}
stance: {f["stance"]}
brief: {brief_id}
---
A {f["kind"]} named in the coverage.[^1]

[^1]: "{quote}"
"""
            )


def make(n: int, out: Path) -> None:
    if out.exists():
        shutil.rmtree(out)
    for sub in ("content/briefs", "content/people", "content/factions", "seeds"):
        (out / sub).mkdir(parents=True)
    maker = Maker(n)
    for number in range(n):
        maker.brief(number, out)
    maker.entities(out)


def _brief(out: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tui", "build", str(out / "content"), "-o", str(out / "store")],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def build(out: Path) -> dict[str, float]:
    """The full build (time, peak memory), then incremental builds after one changed and one
    added brief (both undone afterwards, with one more incremental build)."""
    (out / ".store.build-cache.json").unlink(missing_ok=True)
    shutil.rmtree(out / "store", ignore_errors=True)
    seconds = _brief(out)
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    figures = {"build_s": seconds, "build_peak_mb": peak_mb}
    briefs = sorted((out / "content" / "briefs").glob("*.md"))
    changed = briefs[len(briefs) // 2]
    original = changed.read_text()
    changed.write_text(
        original.replace("## Key takeaways\n", "## Key takeaways\n\n- Changed.[^dl]\n")
    )
    figures["incremental_changed_s"] = _brief(out)
    added = out / "content" / "briefs" / "zz-added-brief.md"
    added.write_text(original)
    figures["incremental_added_s"] = _brief(out)
    added.unlink()
    changed.write_text(original)
    figures["incremental_undo_s"] = _brief(out)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--build-only", action="store_true", help="keep the files, build again")
    args = parser.parse_args()
    started = time.perf_counter()
    if not args.build_only:
        make(args.n, args.out)
    made = time.perf_counter() - started
    briefs = len(os.listdir(args.out / "content" / "briefs"))
    people = len(os.listdir(args.out / "content" / "people"))
    factions = len(os.listdir(args.out / "content" / "factions"))
    info: dict[str, float] = {
        "briefs": briefs,
        "people": people,
        "factions": factions,
        "generate_s": made,
    }
    if not args.no_build:
        info |= build(args.out)
        info["build_s_per_1000"] = info["build_s"] / briefs * 1000
    (args.out / "build.json").write_text(json.dumps(info, indent=1) + "\n")
    print(json.dumps(info))


if __name__ == "__main__":
    main()
