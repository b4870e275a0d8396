"""A spaCy ``DependencyMatcher`` that finds each pattern node's candidate tokens through an index.

spaCy's ``DependencyMatcher`` first runs one token ``Matcher`` with every node of every pattern as its own
one-token pattern over every token of the Doc, evaluating every node's predicates (extension attributes
and ``IN`` sets are Python calls) for every token. With the relation rules' ~180 nodes that was half of
all extraction time (each Doc: tokens × nodes predicate calls, ~16 per token per pattern family).

``IndexedDependencyMatcher`` returns exactly what spaCy's does — it only replaces that first step:

- identical node specs (``{"DEP": "pobj", "_": {"kg_cat": "PLACE"}}`` appears 15 times) are checked once;
- each spec is filed under one attribute value it requires (an extension first, else ``LEMMA``, ``LOWER``,
  ``ORTH``, ``DEP``, ``TAG``, ``POS``), so a token is checked only against the specs that can match it;
- a spec using anything else (``REGEX``, ``FUZZY``, ``OP``, numbers, set relations …) is left to a small
  spaCy ``Matcher`` holding only such specs, so every pattern spaCy accepts still works.

The tree matching after that step is spaCy's own code, unchanged. ``tests/test_depmatcher.py`` checks
that both matchers give the same matches, in the same order.
"""

from __future__ import annotations

import json
from collections import defaultdict

from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Token

# attribute name in a pattern -> how to read it from a Token (the strings spaCy's Matcher compares)
_ATTRS = {
    "DEP": lambda t: t.dep_,
    "LEMMA": lambda t: t.lemma_,
    "LOWER": lambda t: t.lower_,
    "POS": lambda t: t.pos_,
    "TAG": lambda t: t.tag_,
    "ORTH": lambda t: t.text,
    "TEXT": lambda t: t.text,
}
# which attribute a spec is filed under when it has several: the most selective first (an extension such as
# ``_.kg_cat`` is set on few tokens, a lemma is rarer than a dependency label)
_INDEX_ORDER = ("_", "LEMMA", "LOWER", "ORTH", "TEXT", "DEP", "TAG", "POS")


class _Spec:
    """One distinct node spec compiled to (attribute, expected, is_set) checks."""

    __slots__ = ("checks", "index_attr", "index_values")

    def __init__(self, checks: list, index_attr: str | None, index_values: frozenset):
        self.checks, self.index_attr, self.index_values = checks, index_attr, index_values

    def matches(self, vals: dict) -> bool:
        for attr, expected, is_set in self.checks:
            value = vals[attr]
            if not is_set:
                if value != expected:
                    return False
            elif isinstance(value, str):
                if (value in expected[1]) != (expected[0] == "IN"):
                    return False
            # as spaCy's set predicates: another int is in no set of strings, anything else matches neither
            elif not isinstance(value, int) or expected[0] == "IN":
                return False
        return True


def _compile(spec: dict) -> _Spec | None:
    checks: list = []
    keys: dict[str, frozenset] = {}
    for name, value in spec.items():
        if not isinstance(name, str):
            return None
        if name == "_":
            if not isinstance(value, dict):
                return None
            for ext, ev in value.items():
                attr = "_" + ext
                if isinstance(ev, str):
                    checks.append((attr, ev, False))
                    keys.setdefault("_", frozenset([(attr, ev)]))
                elif isinstance(ev, dict) and len(ev) == 1 and next(iter(ev)) in ("IN", "NOT_IN") \
                        and all(isinstance(v, str) for v in next(iter(ev.values()))):
                    op, vals = next(iter(ev.items()))
                    checks.append((attr, (op, frozenset(vals)), True))
                    if op == "IN":
                        keys.setdefault("_", frozenset((attr, v) for v in vals))
                else:
                    return None
            continue
        attr = name.upper()
        if attr not in _ATTRS:
            return None
        if isinstance(value, str):
            checks.append((attr, value, False))
            keys.setdefault(attr, frozenset([value]))
        elif isinstance(value, dict) and len(value) == 1 and next(iter(value)) in ("IN", "NOT_IN") \
                and all(isinstance(v, str) for v in next(iter(value.values()))):
            op, vals = next(iter(value.items()))
            checks.append((attr, (op, frozenset(vals)), True))
            if op == "IN":
                keys.setdefault(attr, frozenset(vals))
        else:
            return None
    for attr in _INDEX_ORDER:
        if attr in keys:
            return _Spec(checks, attr, keys[attr])
    return _Spec(checks, None, frozenset())


class IndexedDependencyMatcher(DependencyMatcher):
    """Drop-in ``spacy.matcher.DependencyMatcher`` (same ``add``/``remove``/``__call__``), faster."""

    def __init__(self, vocab, *, validate=False):
        super().__init__(vocab, validate=validate)
        self._index = None

    def add(self, key, patterns, *, on_match=None):
        super().add(key, patterns, on_match=on_match)
        self._index = None

    def remove(self, key):
        super().remove(key)
        self._index = None

    def _build_index(self):
        specs: dict[str, tuple[dict, _Spec | None, list]] = {}  # spec JSON -> (spec, compiled, matcher keys)
        for key, patterns in self._patterns.items():
            for pattern, token_keys in zip(patterns, self._tokens_to_key[key], strict=True):
                for (spec,), token_key in zip(pattern, token_keys, strict=True):
                    text = json.dumps(spec, sort_keys=True, default=repr)
                    if text not in specs:
                        specs[text] = (spec, _compile(spec), [])
                    specs[text][2].append(token_key)
        by_attr: dict[str, dict] = defaultdict(lambda: defaultdict(list))  # attr -> value -> [(spec, keys)]
        always: list = []  # specs with no positive attribute to file them under
        rest = Matcher(self.vocab)  # specs only spaCy's Matcher understands
        for spec, compiled, keys in specs.values():
            if compiled is None:
                for k in keys:
                    rest.add(k, [[spec]])
            elif compiled.index_attr is None:
                always.append((compiled, keys))
            else:
                for v in compiled.index_values:
                    by_attr[compiled.index_attr][v].append((compiled, keys))
        used = sorted({attr for _s, c, _k in specs.values() if c for attr, _e, _i in c.checks})
        self._index = (dict(by_attr), always, rest if len(rest) else None, used)
        return self._index

    def _get_keys_to_position_maps(self, doc):
        by_attr, always, rest, used = self._index or self._build_index()
        readers = [(attr, _ATTRS[attr]) for attr in used if attr[0] != "_"]
        extensions = [(attr, *_extension_reader(doc, attr[1:])) for attr in used if attr[0] == "_"]
        tables = [(attr, by_attr[attr]) for attr in _INDEX_ORDER if attr in by_attr and attr != "_"]
        ext_table = by_attr.get("_", {})
        hits: dict[int, list] = {}  # token index -> matcher keys of the nodes it matches
        for token in doc:
            vals = {attr: read(token) for attr, read in readers}
            for attr, data, name, default, slow in extensions:
                vals[attr] = slow(token) if slow else data.get(("._.", name, token.idx, None), default)
            # each spec is filed under one attribute and the token has one value of it: no duplicates
            candidates = list(always)
            for attr, table in tables:
                candidates += table.get(vals[attr], ())
            for attr, *_rest in extensions:
                candidates += ext_table.get((attr, vals[attr]), ())
            for compiled, keys in candidates:
                if compiled.matches(vals):
                    hits.setdefault(token.i, []).extend(keys)
        if rest is not None:
            for match_id, start, _end in rest(doc):
                hits.setdefault(start, []).append(match_id)
        keys_to_position_maps = defaultdict(lambda: defaultdict(list))
        heads = doc.to_array("HEAD").astype("int64").tolist() if hits else []  # offset to the head, 0 at a root
        for i in sorted(hits):
            root = _root(heads, i)
            for match_id in hits[i]:
                keys_to_position_maps[root][match_id].append(i)
        return keys_to_position_maps


def _extension_reader(doc: Doc, name: str) -> tuple:
    """(user data, name, default, None) to read a plain token extension straight from ``doc.user_data`` as
    ``token._.get`` does (without building an ``Underscore`` per token), or (…, getter) for any other kind."""
    default, method, getter, _setter = Token.get_extension(name)
    if getter is None and method is None and isinstance(default, (str, int, float, bool, type(None))):
        return doc.user_data, name, default, None
    return None, name, None, lambda token: token._.get(name)


def _root(heads: list[int], i: int) -> int:
    """The top of token ``i``'s tree, as spaCy's ``([token] + list(token.ancestors))[-1]``."""
    for _ in range(len(heads)):  # ancestors stops after len(doc) steps too
        if heads[i] == 0:
            break
        i += heads[i]
    return i
