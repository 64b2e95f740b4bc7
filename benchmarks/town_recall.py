"""Real towns and villages the pipeline publishes: a measure run by hand.

The sample drafts' places are invented, so `make eval` cannot say how many real places the
model misses. This draws towns at random from the gazetteer (patterns/places.yml's
countries), puts each in sentences of the kinds reviews write, runs them through the whole
decide stage under a policy, and counts the sentences in which a word of the town is still
there.

    .venv/bin/python benchmarks/town_recall.py [--seed 11] [--towns 150] [--policy scr] [--without-gazetteer]

The seed chooses the towns; use one not looked at while writing rules, so that the figure
is a measure and not a fit. ``--without-gazetteer`` runs the same towns with the gazetteer
recogniser turned off (a copy of patterns/ whose places.yml lists no countries): what the
model and the other place rules find alone.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from anonymiser.detect.engine import Detector  # noqa: E402
from anonymiser.pipeline import analyse  # noqa: E402
from anonymiser.read.text import document_from_text  # noqa: E402
from anonymiser.settings import Settings, default_patterns_dir, load_settings  # noqa: E402

SENTENCES = (
    "The family moved to {} in 2019.",
    "{} was where Mother grew up.",
    "Child A attended a nursery in {} until the move.",
    "Father had been living at a hostel near {}.",
    "Police in {} were called to the address.",
)


def published(text: str, town: str) -> bool:
    """Whether a capitalised word of the town's name (longer than three letters) is left."""
    return any(word in text for word in town.split() if len(word) > 3 and word[:1].isupper())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--towns", type=int, default=150)
    parser.add_argument("--policy", default="scr")
    parser.add_argument("--without-gazetteer", action="store_true", help="turn the gazetteer recogniser off")
    args = parser.parse_args()
    towns = random.Random(args.seed).sample(sorted(load_settings().places.names), args.towns)
    with tempfile.TemporaryDirectory() as work:
        patterns = None
        if args.without_gazetteer:
            patterns = Path(work) / "patterns"
            shutil.copytree(default_patterns_dir(), patterns)
            (patterns / "places.yml").write_text("# The gazetteer turned off.\ncountries: []\n", encoding="utf-8")
        measure(towns, load_settings(policy=args.policy, scope="full", patterns_dir=patterns), args)


def measure(towns: list[str], settings: Settings, args: argparse.Namespace) -> None:
    detector = Detector(settings)
    missed: dict[str, list[str]] = {sentence: [] for sentence in SENTENCES}
    for town in towns:
        for sentence in SENTENCES:
            text = sentence.format(town)
            decisions, _ = analyse(document_from_text(text), settings, detector)
            out = text
            for edit in sorted(decisions.edits, key=lambda e: -e.start):
                out = out[: edit.start] + edit.replacement + out[edit.end :]
            if published(out, town):
                missed[sentence].append(out)
    total = sum(len(v) for v in missed.values())
    gazetteer = "off" if args.without_gazetteer else "on"
    print(f"{args.towns} towns (seed {args.seed}), {len(SENTENCES)} sentences each, policy {args.policy}, gazetteer {gazetteer}")
    for sentence, outs in missed.items():
        print(f"  {len(outs):4d} published: {sentence}")
    print(f"published: {total} of {args.towns * len(SENTENCES)}")
    for out in (o for outs in missed.values() for o in outs):
        print("   ", out)


if __name__ == "__main__":
    main()
