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

Token attributes are read as the integer rows of one ``Doc.to_array`` (no ``Token`` object per token), and a
pattern is tried only on the trees holding a candidate for each of its nodes. The tree matching itself is
spaCy's own code, unchanged. ``tests/test_depmatcher.py`` checks
that both matchers give the same matches, in the same order.
"""

from __future__ import annotations

import json
from collections import defaultdict

from spacy.matcher import DependencyMatcher, Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

# attribute name in a pattern -> the Doc.to_array column holding it (TEXT is ORTH, as in spaCy's Matcher)
_ARRAY_ATTRS = {"DEP": "DEP", "LEMMA": "LEMMA", "LOWER": "LOWER", "POS": "POS", "TAG": "TAG", "ORTH": "ORTH",
                "TEXT": "ORTH"}
# which attribute a spec is filed under when it has several: the most selective first (an extension such as
# ``_.kg_cat`` is set on few tokens, a lemma is rarer than a dependency label)
_INDEX_ORDER = ("_", "LEMMA", "LOWER", "ORTH", "TEXT", "DEP", "TAG", "POS")


class _Spec:
    """One distinct node spec compiled to (attribute, expected, is_set) checks."""

    __slots__ = ("checks", "index_attr", "index_values")

    def __init__(self, checks: list, index_attr: str | None, index_values: frozenset):
        self.checks, self.index_attr, self.index_values = checks, index_attr, index_values

    def matches(self, vals: dict) -> bool:
        # kind 0: equal; 1: a token attribute's ID in / not in a set of IDs; 2: an extension's value in a set
        for attr, expected, kind in self.checks:
            value = vals[attr]
            if kind == 0:
                if value != expected:
                    return False
            elif kind == 1 or isinstance(value, str):
                if (value in expected[1]) != (expected[0] == "IN"):
                    return False
            # as spaCy's set predicates: another int is in no set of strings, anything else matches neither
            elif not isinstance(value, int) or expected[0] == "IN":
                return False
        return True

    def by_id(self) -> _Spec:
        """This spec comparing token attributes by the integer IDs ``Doc.to_array`` gives (the strings'
        hashes, the part-of-speech enum for POS) instead of their strings; extension values stay as they are."""
        checks = []
        for attr, expected, is_set in self.checks:
            if attr[0] == "_":
                checks.append((attr, expected, 2 if is_set else 0))
            elif is_set:
                checks.append((attr, (expected[0], frozenset(_attr_id(attr, v) for v in expected[1])), 1))
            else:
                checks.append((attr, _attr_id(attr, expected), 0))
        index = self.index_values
        if self.index_attr not in (None, "_"):
            index = frozenset(_attr_id(self.index_attr, v) for v in index)
        return _Spec(checks, self.index_attr, index)


def _attr_id(attr: str, value: str) -> int:
    """The integer ``Doc.to_array`` holds for a token whose attribute ``attr`` reads ``value`` (-1: none)."""
    if attr == "POS":
        return POS_IDS.get(value, -1)
    return get_string_id(value)


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
        if attr not in _ARRAY_ATTRS:
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
        self._memo: dict[tuple, tuple] = {}  # token signature -> matcher keys (see _get_keys_to_position_maps)

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
            compiled = compiled.by_id() if compiled is not None else None
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
        self._memo = {}
        # per pattern, in spaCy's order: (tree, node keys, the set of node keys a tree must hold candidates for)
        self._needed = {key: [(tree, tokens_to_key, frozenset(tokens_to_key)) for tree, tokens_to_key
                              in zip(self._tree[key], self._tokens_to_key[key], strict=True)]
                        for key in self._patterns}
        return self._index

    def __call__(self, doclike):
        """spaCy's ``DependencyMatcher.__call__``, except that a pattern is tried on a tree only when every one
        of its nodes has a candidate token there: spaCy tries every pattern on every sentence's tree, and a
        node without candidates makes the cartesian product of positions empty anyway (same matches, same
        order; most (pattern, tree) pairs of an article are such)."""
        if isinstance(doclike, Doc):
            doc = doclike
        elif isinstance(doclike, Span):
            doc = doclike.as_doc(copy_user_data=True)
        else:  # spaCy's own error for anything else
            return super().__call__(doclike)
        if self._index is None:
            self._build_index()
        keys_to_position_maps = self._get_keys_to_position_maps(doc)
        trees = [(set(positions), positions) for positions in keys_to_position_maps.values()]
        matched_key_trees = []
        cache: dict = {}
        for key, patterns in self._needed.items():
            for tree, tokens_to_key, needed in patterns:
                for present, keys_to_position in trees:
                    if needed <= present:
                        for matched_tree in self._get_matches(cache, doc, tree, tokens_to_key, keys_to_position):
                            matched_key_trees.append((key, matched_tree))
        for i, (match_id, _nodes) in enumerate(matched_key_trees):
            on_match = self._callbacks.get(match_id)
            if on_match is not None:
                on_match(self, doc, i, matched_key_trees)
        return matched_key_trees

    def _get_keys_to_position_maps(self, doc):
        by_attr, always, rest, used = self._index or self._build_index()
        # token attributes as the integer rows of one Doc.to_array (no Token object per token)
        columns = [attr for attr in used if attr[0] != "_"]
        n = len(doc)
        cols = doc.to_array([_ARRAY_ATTRS[a] for a in columns]).reshape(n, -1).T.tolist() if columns and n else []
        extensions = [(attr, *_extension_reader(doc, attr[1:])) for attr in used if attr[0] == "_"]
        offsets = doc.to_array("IDX").tolist() if extensions and n else []
        for _attr, data, name, default, slow in extensions:  # each extension's value of every token
            cols.append([slow(doc[i]) for i in range(n)] if slow else
                        [data.get(("._.", name, off, None), default) for off in offsets])
        names = columns + [attr for attr, *_rest in extensions]
        tables = [(attr, by_attr[attr]) for attr in _INDEX_ORDER if attr in by_attr and attr != "_"]
        ext_table = by_attr.get("_", {})
        ext_names = [attr for attr, *_rest in extensions]
        hits: dict[int, list] = {}  # token index -> matcher keys of the nodes it matches
        # tokens with the same attribute values match the same nodes ("the", "of", ","): each distinct set of
        # values is checked once per process (when every extension value is a string; else once per token)
        memo = self._memo if all(type(v) is str for col in cols[len(columns):] for v in col) else None
        if memo is not None and len(memo) > _MEMO_SIZE:
            memo.clear()
        for i, signature in enumerate(zip(*cols, strict=True) if cols else [()] * n):
            keys = memo.get(signature) if memo is not None else None
            if keys is None:
                keys = self._token_keys(dict(zip(names, signature, strict=True)), always, tables, ext_names, ext_table)
                if memo is not None:
                    memo[signature] = keys
            if keys:
                hits[i] = keys
        order = hits  # token order, as spaCy's Matcher gives them
        if rest is not None:
            for match_id, start, _end in rest(doc):
                hits[start] = (*hits.get(start, ()), match_id)
            order = sorted(hits)
        keys_to_position_maps = defaultdict(lambda: defaultdict(list))
        heads = doc.to_array("HEAD").astype("int64").tolist() if hits else []  # offset to the head, 0 at a root
        roots = _roots(heads, order)
        for i in order:
            tree = keys_to_position_maps[roots[i]]
            for match_id in hits[i]:
                tree[match_id].append(i)
        return keys_to_position_maps

    @staticmethod
    def _token_keys(vals: dict, always: list, tables: list, ext_names: list, ext_table: dict) -> tuple:
        """The matcher keys of the nodes a token with these attribute values matches, in index order."""
        # each spec is filed under one attribute and the token has one value of it: no duplicates
        candidates = list(always)
        for attr, table in tables:
            candidates += table.get(vals[attr], ())
        for attr in ext_names:
            candidates += ext_table.get((attr, vals[attr]), ())
        keys: list = []
        for compiled, spec_keys in candidates:
            if compiled.matches(vals):
                keys.extend(spec_keys)
        return tuple(keys)


# distinct token signatures remembered before the memo starts again (bounds memory over a long corpus)
_MEMO_SIZE = 200_000


def _extension_reader(doc: Doc, name: str) -> tuple:
    """(user data, name, default, None) to read a plain token extension straight from ``doc.user_data`` as
    ``token._.get`` does (without building an ``Underscore`` per token), or (…, getter) for any other kind."""
    default, method, getter, _setter = Token.get_extension(name)
    if getter is None and method is None and isinstance(default, (str, int, float, bool, type(None))):
        return doc.user_data, name, default, None
    return None, name, None, lambda token: token._.get(name)


def _roots(heads: list[int], tokens) -> dict[int, int]:
    """``_root`` of each of ``tokens``, each head chain walked once: a token's root is its head's."""
    known: dict[int, int] = {}  # token -> root, for tokens whose chain reaches a root
    out: dict[int, int] = {}
    n = len(heads)
    for i in tokens:
        path, j = [], i
        while j not in known and heads[j] != 0 and len(path) < n:
            path.append(j)
            j += heads[j]
        if j in known or heads[j] == 0:
            root = known.get(j, j)
            known[j] = root
            for k in path:
                known[k] = root
            out[i] = root
        else:  # a cycle in the heads (no parser makes one): spaCy's own bounded walk
            out[i] = _root(heads, i)
    return out


def _root(heads: list[int], i: int) -> int:
    """The top of token ``i``'s tree, as spaCy's ``([token] + list(token.ancestors))[-1]``."""
    for _ in range(len(heads)):  # ancestors stops after len(doc) steps too
        if heads[i] == 0:
            break
        i += heads[i]
    return i
