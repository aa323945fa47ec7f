"""The transcribe endpoint: deterministic pseudo-speech timed to span the input audio's length.

The sentences come from a small built-in corpus (English, Spanish, French, German, Chinese; other
languages get English text), picked by a hash of the audio bytes. task=translate yields English.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from studio.sim.media.inputs import audio_duration
from studio.sim.media.params import hash_bytes, rng_for, stable_hash
from studio.sim.media.results import Generated

if TYPE_CHECKING:
    from collections.abc import Mapping

DEFAULT_SECONDS = 10.0
WORDS_PER_SECOND = 2.4
_GAP = 0.12

_CORPUS: dict[str, tuple[str, ...]] = {
    "en": (
        "Thanks for coming over tonight, it's been far too long.",
        "Could you pass the bread, please?",
        "I tried a new recipe with lemon and thyme, so tell me honestly what you think.",
        "We should plan a trip to the coast before the summer ends.",
        "The kids have been talking about the museum all week.",
        "Honestly, this is the best soup I've had in ages.",
        "Did you ever finish that book about the lighthouse keeper?",
        "Let's keep some room for dessert, there's an apple tart in the oven.",
        "I think the rain is finally clearing up.",
        "Work has been busy, but the new project is going well.",
        "Remember the little cafe by the harbour where we met?",
        "More tea for anyone?",
    ),
    "es": (
        "Gracias por venir esta noche, hacía mucho que no nos veíamos.",
        "¿Me pasas el pan, por favor?",
        "Probé una receta nueva con limón y tomillo.",
        "Deberíamos planear un viaje a la costa antes de que termine el verano.",
        "Sinceramente, es la mejor sopa que he probado en años.",
        "Guardemos sitio para el postre, hay una tarta de manzana en el horno.",
    ),
    "fr": (
        "Merci d'être venus ce soir, ça faisait bien trop longtemps.",
        "Tu peux me passer le pain, s'il te plaît ?",
        "J'ai essayé une nouvelle recette au citron et au thym.",
        "On devrait organiser un voyage sur la côte avant la fin de l'été.",
        "Franchement, c'est la meilleure soupe que j'ai mangée depuis longtemps.",
        "Gardez de la place pour le dessert, il y a une tarte aux pommes au four.",
    ),
    "de": (
        "Danke, dass ihr heute Abend gekommen seid, es ist viel zu lange her.",
        "Kannst du mir bitte das Brot reichen?",
        "Ich habe ein neues Rezept mit Zitrone und Thymian ausprobiert.",
        "Wir sollten vor dem Ende des Sommers eine Reise an die Küste planen.",
        "Ehrlich gesagt ist das die beste Suppe seit Langem.",
        "Lasst noch Platz für den Nachtisch, im Ofen ist ein Apfelkuchen.",
    ),
    "zh": (
        "谢谢你们今晚过来，我们好久没见了。",
        "可以把面包递给我吗？",
        "我试了一个用柠檬和百里香的新菜谱。",
        "夏天结束之前我们应该去海边旅行。",
        "说实话，这是我好几年来喝过最好喝的汤。",
        "留点肚子吃甜点吧，烤箱里还有苹果派。",
    ),
}


def generate_transcript(
    entry: Mapping[str, Any], inputs: Mapping[str, Any], media: Mapping[str, bytes]
) -> Generated:
    del entry  # one transcribe endpoint; nothing in its entry changes the output
    url = inputs.get("audio_url")
    data = media.get(url) if isinstance(url, str) else None
    duration = audio_duration(data) or DEFAULT_SECONDS
    seed = hash_bytes(data) if data else stable_hash(["audio", url])
    language = _language(inputs)
    segments = _sentences(language, duration, seed)
    spans = _segment_spans(segments, duration)
    if inputs.get("timestamps") == "word":
        chunks = [
            chunk
            for text, span in zip(segments, spans, strict=True)
            for chunk in _word_chunks(text, span, language)
        ]
    else:
        chunks = [_chunk(text, span) for text, span in zip(segments, spans, strict=True)]
    joiner = "" if language == "zh" else " "
    text = joiner.join(segments)
    return Generated(files=(), extra_output={"text": text, "language": language, "chunks": chunks})


def _language(inputs: Mapping[str, Any]) -> str:
    if inputs.get("task") == "translate":
        return "en"
    value = inputs.get("language")
    if isinstance(value, str) and value.strip():
        return value.strip().split("-")[0].split("_")[0].lower()
    return "en"


def _sentences(language: str, duration: float, seed: int) -> list[str]:
    corpus = _CORPUS.get(language, _CORPUS["en"])
    order = rng_for(seed, "transcript").permutation(len(corpus))
    wanted = max(1.0, duration * WORDS_PER_SECOND)
    chosen: list[str] = []
    words = 0.0
    while words < wanted:
        sentence = corpus[int(order[len(chosen) % len(corpus)])]
        chosen.append(sentence)
        words += len(_words(sentence, language))
    return chosen


def _words(text: str, language: str) -> list[str]:
    return list(text) if language == "zh" else text.split()


def _segment_spans(segments: list[str], duration: float) -> list[tuple[float, float]]:
    """Consecutive spans over [0, duration], each as long as its share of the characters."""
    weights = [len(s) + 8 for s in segments]
    total = sum(weights)
    spans = []
    start = 0.0
    for weight in weights:
        end = start + duration * weight / total
        spans.append((start, end))
        start = end
    last_start = spans[-1][0]
    spans[-1] = (last_start, duration)
    return spans


def _word_chunks(sentence: str, span: tuple[float, float], language: str) -> list[dict[str, Any]]:
    words = _words(sentence, language)
    weights = [len(w) + 1 for w in words]
    total = sum(weights)
    start, end = span
    spoken_end = end - min(_GAP, (end - start) * 0.1)
    chunks = []
    at = start
    for word, weight in zip(words, weights, strict=True):
        step = (spoken_end - start) * weight / total
        chunks.append(_chunk(word, (at, at + step)))
        at += step
    chunks[-1]["timestamp"][1] = round(end, 2)
    return chunks


def _chunk(text: str, span: tuple[float, float]) -> dict[str, Any]:
    return {"text": text, "timestamp": [round(span[0], 2), round(span[1], 2)]}
