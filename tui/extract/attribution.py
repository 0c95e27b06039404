"""Attribution: who reported, cited or said what (the reporting chain)."""

from __future__ import annotations

import re


class AttributionRules:
    def attribution(self) -> None:
        chain: list[tuple[str, str | None]] = []
        sources: list[str] = []
        if self.outlet:
            chain.append((self.outlet, None))
            sources.append(self.outlet)
        for sentence_id, mentions in self.mentions.items():
            sentence = self.sentence_map.get(sentence_id)
            assert sentence is not None
            text = sentence.text
            named = [m for m in mentions if m.kind in ("person", "org")]
            for index, mention in enumerate(named):
                name = self.canonical_org(mention.name) if mention.kind == "org" else mention.name
                after = text[mention.end :]
                before = text[: mention.start]
                cited = re.match(
                    r"\s+(?:news outlet\s+|news agency\s+|newspaper\s+)?(?:cited|quoted)\s+(?:its\s+|the\s+)?(?P<role>[a-z]+\s+)?",
                    after,
                )
                if cited and index + 1 < len(named):
                    target = named[index + 1]
                    role = (cited.group("role") or "").strip() or target.role_prefix
                    for item in ((name, None), (target.name, role)):
                        if item[0] not in [c[0] for c in chain]:
                            chain.append(item)
                if (
                    cited
                    or re.search(
                        r"\b(?:according to|as reported by|reported by|citing)\s+(?:the\s+)?$",
                        before,
                    )
                    or re.match(
                        r"\s+(?:has\s+|had\s+)?(?:reported|said|says|told|quoted|announced|stated)\b",
                        after,
                    )
                ):
                    if name and name not in sources:
                        sources.append(name)
                    if cited and index + 1 < len(named) and named[index + 1].name not in sources:
                        sources.append(named[index + 1].name)
        self.chain = chain
        self.sources = sources
