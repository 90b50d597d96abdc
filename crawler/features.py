"""What storing an article and checking it against the stories need of its text, computed once per page.

The extraction worker computes these beside the text (crawler.worker), so that the crawl's main process, which
runs the event loop and writes the store, spends no CPU on the words of a page: its content hash, its paragraphs'
boilerplate keys, which stories' queries it matches (with the terms that matched) and, when any does, its term
weights. `ArticleProcessor.process` computes them itself when a caller did not (tests, seeds read from files).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from config.query import Query, WordSet
from crawler.dedup import content_hash
from crawler.extract import paragraph_hash
from crawler.matching import term_weights


@dataclass(frozen=True)
class TextFeatures:
    content_hash: str
    paragraph_hashes: tuple[str, ...]  # aligned with Extracted.paragraphs
    matched: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # story id -> the query terms found
    weights: Mapping[str, float] | None = None  # term weights, computed when some story's query matched


def text_features(title: str, text: str, paragraphs: Sequence[str], queries: Mapping[str, Query],
                  text_words: Sequence[str] | None = None) -> TextFeatures:
    """The features of one article (`title` is the title it is stored with); `queries` by story id; `text_words`:
    crawler.textstats.words(text), when the caller has them already."""
    words = WordSet.from_text(f"{title}\n{text}")
    matched = {story: tuple(query.matched_terms(words)) for story, query in queries.items() if query.matches(words)}
    return TextFeatures(
        content_hash=content_hash(text),
        paragraph_hashes=tuple(paragraph_hash(p) for p in paragraphs),
        matched=matched,
        weights=term_weights(title, text, text_words=text_words) if matched else None,
    )
