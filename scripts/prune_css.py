#!/usr/bin/env python3
"""Prune a CSS bundle that lightningcss has already bundled and minified.

Run by scripts/vendor_css.sh and scripts/build_public.sh (see
docs/frontend.md). lightningcss parses,
merges and minifies; this script does only what lightningcss cannot, because
it needs to know what our pages use:

1. ``--drop REGEX`` drops each selector that matches (modifiers we never
   use). ``--used-in FILE`` drops each selector that requires a class which
   none of the given files uses (see ``used_classes``; ``--keep-class
   REGEX`` marks classes as used that the files build at run time, such as
   ``utrecht-textbox--invalid``). A rule whose selectors all go disappears,
   and so does an ``@media``/``@supports`` block that ends up empty.
2. Custom properties:

   - ``var(--_x, fallback)`` becomes ``fallback`` when nothing declares the
     component's private property ``--_x``.
   - ``--closed-world``: the bundle plus the ``--context`` files (our own
     stylesheets) are all the CSS the page loads, and the CSP forbids inline
     styles. So any property that none of them declares falls back the same
     way, and a theme token that only the theme declares is replaced by its
     value (``var(--basis-color-accent-1-bg-default)`` -> ``#5115ef``), when
     that value is short and holds no ``var()`` itself.
   - Keeps only what something reads: the design tokens declared in the
     ``--theme`` rule (the theme declares about 2,800) and the private
     ``--_*`` properties (with ``--closed-world``: every custom property)
     that a kept declaration or a context file reads with ``var()``.

   - ``--closed-world`` also folds a private ``--_*`` property that one
     declaration sets and only the same rule reads into its reads
     (``--_5:var(--_6,#0000);background:var(--_5)`` becomes
     ``background:var(--_6,#0000)``; see ``fold_private``), and settles a
     ``var()`` without fallback of a property that nothing declares: its
     declaration is invalid at computed-value time, so it becomes ``unset``
     (a custom property: goes, see ``settle_invalid``).
   - A margin or padding ``calc(var(...) * 0px)``, what a spacing token of 0
     leaves, becomes 0 (see ``zero_products``).

   Repeated until nothing changes; each step keeps the rendering the same.
   Then a declaration that its rule repeats later goes (``drop_repeats``).
3. ``--rename-private`` shortens the private property names (``--_0``, ...).
4. Puts a licence banner on top that repeats every copyright line of the
   sources (``--copyright-from``; the EUPL asks us to keep them), unless
   there is neither a ``--banner`` nor a copyright line (our own CSS).
   lightningcss keeps this ``/*!`` comment when vendor_css.sh runs it once
   more over the result (inlined values let it merge longhands).

Standard library only, deterministic. The input must be lightningcss output
(no comments, no nesting); the context files may be any CSS.

Usage::

    prune_css.py [--theme .voorbeeld-theme] --out bundle.css [--drop REGEX]...
        [--used-in FILE]... [--keep-class REGEX]...
        [--context own.css]... [--closed-world] [--rename-private]
        [--copyright-from source.css]... [--banner TEXT] minified.css
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

# At-rules whose block holds rules (and not declarations or keyframes).
GROUPING_AT_RULES = ("@media", "@supports", "@layer", "@container", "@scope")
VAR_RE = re.compile(r"var\(\s*(--[A-Za-z0-9_-]+)")
DECLARED_RE = re.compile(r"(?:^|[;{\s])(--[A-Za-z0-9_-]+)\s*:")
ALIAS_RE = re.compile(r"var\((--[A-Za-z0-9_-]+)\)")
# A quoted string, or a character that opens, closes or separates.
STRING = r""""(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*'"""
SPECIAL_RE = re.compile(STRING + r"|[()\[\]{};,]")
BLOCK_RE = re.compile(STRING + r"|[{};]")
COMMENT_RE = re.compile(r"/\*.*?\*/", re.DOTALL)
PRIVATE_RE = re.compile(r"(?<![\w-])--_[A-Za-z0-9_-]+")
COPYRIGHT_RE = re.compile(r"Copyright \(c\) [^\n*]*[^\s*]")
# Longer token values stay a var(): inlining them would cost bytes.
INLINE_MAX = 40


@dataclass
class Rule:
    """``prelude{body}``, or a statement such as ``@import ...;`` (body None).

    ``body`` is a list of rules for a grouping at-rule (``@media``), and the
    text between the braces for anything else: a style rule's declarations,
    ``@font-face``, ``@keyframes``.
    """

    prelude: str
    body: str | list[Rule] | None

    def is_style_rule(self) -> bool:
        return not self.prelude.startswith("@") and isinstance(self.body, str)


# --------------------------------------------------------------------------
# Reading and writing minified CSS
# --------------------------------------------------------------------------


def split_top_level(text: str, separator: str) -> list[str]:
    """Split on ``separator`` outside strings, parentheses and brackets."""
    parts: list[str] = []
    depth = start = 0
    for m in SPECIAL_RE.finditer(text):
        c = m.group()
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
        elif c == separator and depth == 0:
            parts.append(text[start : m.start()])
            start = m.end()
    parts.append(text[start:])
    return parts


def closing(text: str, open_at: int) -> int:
    """The index of the bracket that closes the ``(`` or ``{`` at ``open_at``."""
    opening = text[open_at]
    close = ")" if opening == "(" else "}"
    depth = 0
    for m in SPECIAL_RE.finditer(text, open_at):
        depth += (m.group() == opening) - (m.group() == close)
        if depth == 0:
            return m.start()
    raise ValueError(f"no closing {close!r}: {text[open_at : open_at + 60]!r}")


def parse(css: str) -> list[Rule]:
    rules, _end = _parse_rules(css, 0, nested=False)
    return rules


def _parse_rules(css: str, i: int, *, nested: bool) -> tuple[list[Rule], int]:
    """Rules from ``css[i]`` up to the ``}`` that closes their block (or the end)."""
    rules: list[Rule] = []
    start = i
    while m := BLOCK_RE.search(css, i):
        c, i = m.group(), m.start()
        if c == ";":  # a statement: @import, @charset, @layer a,b
            rules.append(Rule(css[start:i].strip(), None))
            i += 1
        elif c == "{":
            prelude = css[start:i].strip()
            if prelude.startswith(GROUPING_AT_RULES):
                body, i = _parse_rules(css, i + 1, nested=True)
                rules.append(Rule(prelude, body))
            else:
                end = closing(css, i)
                rules.append(Rule(prelude, css[i + 1 : end]))
                i = end + 1
        elif c == "}":
            if css[start:i].strip() or not nested:
                raise ValueError(f"unexpected '}}' at offset {i}")
            return rules, i + 1
        else:  # a string
            i = m.end()
            continue
        start = i
    if css[start:].strip() or nested:
        raise ValueError(f"unterminated rule: {css[start:][:60]!r}")
    return rules, len(css)


def serialise(rules: list[Rule]) -> str:
    out: list[str] = []
    for rule in rules:
        if rule.body is None:
            out.append(rule.prelude + ";")
        elif isinstance(rule.body, str):
            out.append(rule.prelude + "{" + rule.body + "}")
        else:
            out.append(rule.prelude + "{" + serialise(rule.body) + "}")
    return "".join(out)


def style_rules(rules: list[Rule]) -> list[Rule]:
    """Every style rule, also those inside ``@media`` and the like."""
    found: list[Rule] = []
    for rule in rules:
        if isinstance(rule.body, list):
            found.extend(style_rules(rule.body))
        elif rule.is_style_rule():
            found.append(rule)
    return found


def declarations(rule: Rule) -> list[tuple[str, str]]:
    """A style rule's declarations as ``(name, value)`` pairs."""
    assert isinstance(rule.body, str)
    pairs: list[tuple[str, str]] = []
    for text in split_top_level(rule.body, ";"):
        if text.strip():
            name, _, value = text.partition(":")
            pairs.append((name.strip(), value))
    return pairs


def set_declarations(rule: Rule, pairs: list[tuple[str, str]]) -> None:
    rule.body = ";".join(f"{name}:{value}" for name, value in pairs)


# --------------------------------------------------------------------------
# Step 1: drop selectors
# --------------------------------------------------------------------------


def drop_selectors(rules: list[Rule], patterns: list[re.Pattern[str]]) -> list[Rule]:
    kept: list[Rule] = []
    for rule in rules:
        if isinstance(rule.body, list):
            rule.body = drop_selectors(rule.body, patterns)
            if not rule.body:
                continue
        elif rule.is_style_rule():
            selectors = [
                s
                for s in split_top_level(rule.prelude, ",")
                if not any(p.search(s) for p in patterns)
            ]
            if not selectors:
                continue
            rule.prelude = ",".join(selectors)
        kept.append(rule)
    return kept


# The class names a template, Python file or script uses: the class="..."
# attributes (template tags in them removed, so the classes of every {% if %}
# branch count; a class glued to a {{ variable }} is left out), and in a .py
# or .js file every word of a string literal.
CLASS_ATTR_RE = re.compile(
    r"""\bclass=(?:"((?:\{%.*?%\}|\{\{.*?\}\}|[^"])*)"|'([^']*)')""", re.DOTALL
)
TAG_RE = re.compile(r"\{%.*?%\}", re.DOTALL)
VARIABLE_RE = re.compile(r"\{\{.*?\}\}", re.DOTALL)
PY_STRING_RE = re.compile(r"""(?<![\w])[rbfu]{0,2}("([^"\\\n]*)"|'([^'\\\n]*)')""")
CLASS_NAME_RE = re.compile(r"-?[_a-zA-Z][\w-]*")
# In a selector: the arguments of :not() and the like, attribute selectors
# and strings hold no class that the selector requires.
SELECTOR_SKIP_RE = re.compile(STRING + r"|\[[^\]]*\]")
SELECTOR_CLASS_RE = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")


def used_classes(name: str, text: str) -> set[str]:
    """The class names that a file (``name`` gives its type) may put on a page.

    A template's ``class`` attributes; every word of every string of Python
    code or a script (``classList.add("kv-leaving")``).
    """
    classes: set[str] = set()
    if name.endswith((".py", ".js")):
        for m in PY_STRING_RE.finditer(text):
            value = m.group(2) if m.group(2) is not None else m.group(3)
            if "{" not in value:
                classes.update(w for w in value.split() if CLASS_NAME_RE.fullmatch(w))
        return classes
    for m in CLASS_ATTR_RE.finditer(text):
        value = m.group(1) if m.group(1) is not None else m.group(2)
        value = TAG_RE.sub(" ", VARIABLE_RE.sub("\0", value))
        classes.update(
            w for w in value.split() if "\0" not in w and CLASS_NAME_RE.fullmatch(w)
        )
    return classes


def required_classes(selector: str) -> set[str]:
    """The classes an element must have for ``selector`` to match it.

    Classes inside ``:not(...)``, ``:is(...)``, ``:where(...)``, ``:has(...)``
    and other parentheses are not counted (a selector may match without
    them), nor anything in an attribute selector or a string.
    """
    text = SELECTOR_SKIP_RE.sub(" ", selector)
    while (i := text.find("(")) != -1:
        text = text[:i] + " " + text[closing(text, i) + 1 :]
    return set(SELECTOR_CLASS_RE.findall(text))


def drop_unused(
    rules: list[Rule], used: set[str], keep: Sequence[re.Pattern[str]] = ()
) -> list[Rule]:
    """Drop the selectors that require a class outside ``used`` (and ``keep``)."""

    def unused(selector: str) -> bool:
        return any(
            c not in used and not any(p.fullmatch(c) for p in keep)
            for c in required_classes(selector)
        )

    kept: list[Rule] = []
    for rule in rules:
        if isinstance(rule.body, list):
            rule.body = drop_unused(rule.body, used, keep)
            if not rule.body:
                continue
        elif rule.is_style_rule():
            selectors = [s for s in split_top_level(rule.prelude, ",") if not unused(s)]
            if not selectors:
                continue
            rule.prelude = ",".join(selectors)
        kept.append(rule)
    return kept


# --------------------------------------------------------------------------
# Step 2: custom properties
# --------------------------------------------------------------------------

VarRewrite = Callable[[str, str | None], str | None]


def map_vars(value: str, rewrite: VarRewrite) -> str:
    """Rewrite every ``var(--name[, fallback])`` in ``value``.

    ``rewrite(name, fallback)`` gets the fallback already rewritten and
    returns the replacement, or None to keep the ``var()``.
    """
    out: list[str] = []
    i = 0
    while (j := value.find("var(", i)) != -1:
        if j > 0 and (value[j - 1].isalnum() or value[j - 1] in "-_"):
            out.append(value[i : j + 4])  # the tail of a name, like x-var(
            i = j + 4
            continue
        end = closing(value, j + 3)
        name, comma, fallback = value[j + 4 : end].partition(",")
        name = name.strip()
        new_fallback = map_vars(fallback, rewrite) if comma else None
        replacement = rewrite(name, new_fallback)
        if replacement is None:
            replacement = f"var({name}{comma}{new_fallback or ''})"
        out += [value[i:j], replacement]
        i = end + 1
    out.append(value[i:])
    return "".join(out)


@dataclass
class CustomProperties:
    """Step 2 over ``rules``, repeated until nothing changes (see ``run``)."""

    rules: list[Rule]
    theme: str
    context: str = ""
    closed_world: bool = False
    _tokens: dict[str, str] = field(default_factory=dict)
    _declared: set[str] = field(default_factory=set)
    _fixed: set[str] = field(default_factory=set)
    _values: dict[str, str | None] = field(default_factory=dict)
    _top_level: set[int] = field(default_factory=set)

    def run(self) -> list[Rule]:
        self.context = COMMENT_RE.sub(" ", self.context)
        context_reads = set(VAR_RE.findall(self.context))
        while True:
            self._top_level = {id(rule) for rule in self.rules}
            changed = self._rewrite()
            reads = context_reads | set(VAR_RE.findall(serialise(self.rules)))
            self.rules, removed = self._remove_unread(self.rules, reads)
            if not changed and not removed:
                return self.rules

    def _rewrite(self) -> bool:
        """Apply fallbacks and inline fixed tokens; True if anything changed."""
        context_declared = set(DECLARED_RE.findall(self.context))
        self._tokens, elsewhere = {}, set(context_declared)
        for rule in style_rules(self.rules):
            for name, value in declarations(rule):
                if self._is_theme(rule):
                    self._tokens[name] = value
                elif name.startswith("--"):
                    elsewhere.add(name)
        self._declared = elsewhere | set(self._tokens)
        self._fixed = set(self._tokens) - elsewhere if self.closed_world else set()
        self._values = {}
        changed = False
        for rule in style_rules(self.rules):
            pairs = declarations(rule)
            new = [
                (n, map_vars(v, self._var)) if "var(" in v else (n, v) for n, v in pairs
            ]
            if new != pairs:
                set_declarations(rule, new)
                changed = True
        return changed

    def _is_theme(self, rule: Rule) -> bool:
        """The theme's own rules: at the top level, not inside ``@media``."""
        return rule.prelude == self.theme and id(rule) in self._top_level

    def _var(self, name: str, fallback: str | None) -> str | None:
        if name in self._fixed:
            return self._inline(name)
        undeclared = name not in self._declared
        if undeclared and (self.closed_world or name.startswith("--_")):
            return fallback if fallback and fallback.strip() else None
        return None

    def _inline(self, name: str) -> str | None:
        """What replaces ``var(name)`` for a fixed token, or None to keep it.

        Its value when short; else, for an alias (``--a:var(--b)``), what
        replaces ``var(--b)``, or ``var(--b)`` itself.
        """
        target, seen = name, {name}
        while True:
            value = self._value(target)
            if value is not None and len(value) <= INLINE_MAX:
                return value
            alias = ALIAS_RE.fullmatch(self._tokens[target].strip())
            if not alias or alias[1] not in self._fixed:
                return None if target == name else f"var({target})"
            if alias[1] in seen:  # a cycle: invalid, leave it to the browser
                return None
            target = alias[1]
            seen.add(target)

    def _value(self, name: str) -> str | None:
        """A fixed token's value with tokens inlined; None if it keeps a var()."""
        if name not in self._values:
            self._values[name] = None  # also ends a cycle
            value = map_vars(self._tokens[name], self._var)
            self._values[name] = None if "var(" in value else value
        return self._values[name]

    def _removable(self, name: str, *, in_theme: bool) -> bool:
        if in_theme or self.closed_world:
            return name.startswith("--")
        return name.startswith("--_")

    def _remove_unread(
        self, rules: list[Rule], reads: set[str]
    ) -> tuple[list[Rule], bool]:
        kept: list[Rule] = []
        removed = False
        for rule in rules:
            if isinstance(rule.body, list):
                rule.body, removed_inside = self._remove_unread(rule.body, reads)
                removed |= removed_inside
                if not rule.body:
                    continue
            elif rule.is_style_rule():
                in_theme = self._is_theme(rule)
                pairs = declarations(rule)
                still = [
                    (n, v)
                    for n, v in pairs
                    if n in reads or not self._removable(n, in_theme=in_theme)
                ]
                if len(still) != len(pairs):
                    removed = True
                    set_declarations(rule, still)
                if not still:
                    continue
            kept.append(rule)
        return kept, removed


def fold_private(rules: list[Rule], context: str = "") -> bool:
    """Fold the private properties that one rule sets and only it reads.

    A private property declared once in the whole bundle (and not in the
    context) and read only in the rule that declares it always has that
    declaration's value where it is read: var() substitution works on tokens,
    so writing the value in its place renders the same. A read with a
    fallback is folded only when the value holds no var() (so it cannot be
    invalid). The declaration then goes as unread. True if anything changed.
    """
    context = COMMENT_RE.sub(" ", context)
    outside = set(VAR_RE.findall(context)) | set(DECLARED_RE.findall(context))
    declared: dict[str, list[tuple[int, str]]] = {}
    read_in: dict[str, set[int]] = {}
    every = style_rules(rules)
    for rule in every:
        for name, value in declarations(rule):
            if name.startswith("--_"):
                declared.setdefault(name, []).append((id(rule), value))
            for read in VAR_RE.findall(value):
                read_in.setdefault(read, set()).add(id(rule))
    foldable: dict[int, dict[str, str]] = {}
    for name, places in declared.items():
        if len(places) != 1 or name in outside:
            continue
        rule_id, value = places[0]
        if read_in.get(name, set()) - {rule_id} or "!important" in value:
            continue
        if name in VAR_RE.findall(value) or not value.strip():
            continue
        foldable.setdefault(rule_id, {})[name] = value.strip()
    changed = False
    for rule in every:
        values = foldable.get(id(rule))
        if not values:
            continue

        def fold(
            name: str, fallback: str | None, values: dict[str, str] = values
        ) -> str | None:
            value = values.get(name)
            if value is None or (fallback is not None and "var(" in value):
                return None
            return value

        pairs = declarations(rule)
        new = [(n, map_vars(v, fold)) if "var(" in v else (n, v) for n, v in pairs]
        if new != pairs:
            set_declarations(rule, new)
            changed = True
    return changed


def outer_vars(value: str) -> list[tuple[str, bool]]:
    """The ``var()`` in ``value`` outside other ``var()``: (name, has a fallback)."""
    found: list[tuple[str, bool]] = []
    i = 0
    while (j := value.find("var(", i)) != -1:
        if j > 0 and (value[j - 1].isalnum() or value[j - 1] in "-_"):
            i = j + 4  # the tail of a name, like x-var(
            continue
        end = closing(value, j + 3)
        name, comma, _ = value[j + 4 : end].partition(",")
        found.append((name.strip(), bool(comma)))
        i = end + 1
    return found


def settle_invalid(rules: list[Rule], context: str = "") -> bool:
    """Closed world: settle what reads a property that nothing declares.

    ``var(--x)`` without a fallback, where neither the bundle nor the context
    declares ``--x``, makes its declaration invalid at computed-value time
    (CSS Variables 1, "Invalid Variables"). Another property then behaves as
    ``unset``, which replaces its value. A custom property gets no value, as
    if nothing declared it: when that holds for every declaration of it,
    they go. Only a ``var()`` outside another one's fallback counts. True if
    anything changed.
    """
    context = COMMENT_RE.sub(" ", context)
    every = style_rules(rules)
    declared = set(DECLARED_RE.findall(context))
    declared |= {
        n for rule in every for n, _ in declarations(rule) if n.startswith("--")
    }

    def invalid(value: str) -> bool:
        return any(
            not has_fallback and name not in declared
            for name, has_fallback in outer_vars(value)
        )

    valid_somewhere = {
        n
        for rule in every
        for n, v in declarations(rule)
        if n.startswith("--") and not invalid(v)
    }
    changed = False
    for rule in every:
        pairs = declarations(rule)
        new: list[tuple[str, str]] = []
        for name, value in pairs:
            if not invalid(value):
                new.append((name, value))
            elif not name.startswith("--"):
                important = "!important" if value.rstrip().endswith("important") else ""
                new.append((name, "unset" + important))
            elif name in valid_somewhere:
                new.append((name, value))
        if new != pairs:
            set_declarations(rule, new)
            changed = True
    return changed


# A margin or padding of ``calc(<a var()> * 0)``: what a spacing token of 0
# leaves after inlining (``--utrecht-space-around`` times the margin).
ZERO_PRODUCT_RE = re.compile(r"\s*calc\(\s*var\([^()]*\)\s*\*\s*0(?:px)?\s*\)\s*")
ZERO_PROPERTY_RE = re.compile(r"(margin|padding)(-[a-z-]+)?")


def zero_products(rules: list[Rule]) -> bool:
    """``margin-block-start:calc(var(--utrecht-space-around,0) * 0px)`` is 0.

    Whatever the ``var()`` holds: a number gives 0px; anything else makes the
    declaration invalid at computed-value time, and an invalid margin or
    padding is ``unset``, its initial value 0. True if anything changed.
    """
    changed = False
    for rule in style_rules(rules):
        pairs = declarations(rule)
        new = [
            (n, "0")
            if ZERO_PROPERTY_RE.fullmatch(n) and ZERO_PRODUCT_RE.fullmatch(v)
            else (n, v)
            for n, v in pairs
        ]
        if new != pairs:
            set_declarations(rule, new)
            changed = True
    return changed


def drop_repeats(rules: list[Rule]) -> None:
    """Drop a declaration that the same rule repeats later, name and value.

    The repeat sets the same longhands again after anything in between, so
    the rule renders the same (``page-break-after:avoid`` twice in a heading).
    """
    for rule in style_rules(rules):
        pairs = declarations(rule)
        kept = [
            (n, v)
            for i, (n, v) in enumerate(pairs)
            if (n, v.strip()) not in {(m, w.strip()) for m, w in pairs[i + 1 :]}
        ]
        if kept != pairs:
            set_declarations(rule, kept)


# --------------------------------------------------------------------------
# Steps 3 and 4
# --------------------------------------------------------------------------


def rename_private(rules: list[Rule], keep: set[str]) -> None:
    """Give the private ``--_*`` properties short names, in order of first use.

    They are internal to the bundle; only names in ``keep`` (those our own
    stylesheets use) stay as they are.
    """
    names: dict[str, str] = {}

    def short(match: re.Match[str]) -> str:
        name = match.group(0)
        if name in keep:
            return name
        return names.setdefault(name, f"--_{_base36(len(names))}")

    for rule in style_rules(rules):
        set_declarations(
            rule,
            [
                (PRIVATE_RE.sub(short, n), PRIVATE_RE.sub(short, v))
                for n, v in declarations(rule)
            ],
        )


def _base36(n: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = digits[n % 36]
    while n >= 36:
        n //= 36
        out = digits[n % 36] + out
    return out


def banner(text: str, copyright_lines: list[str]) -> str:
    if not text.strip() and not copyright_lines:
        return ""
    lines = [f"/*! {text.strip()}".rstrip(), " * @license EUPL-1.2"]
    lines += [f" * {line}" for line in copyright_lines]
    return "\n".join([*lines, " */"]) + "\n"


def copyright_lines(texts: Sequence[str]) -> list[str]:
    return sorted({m for text in texts for m in COPYRIGHT_RE.findall(text)})


def _closed_world_step(rules: list[Rule], context: str) -> bool:
    return fold_private(rules, context) or settle_invalid(rules, context)


def build(
    css: str,
    *,
    theme: str,
    drops: Sequence[str] = (),
    used: set[str] | None = None,
    keep_classes: Sequence[str] = (),
    context: str = "",
    closed_world: bool = False,
    rename: bool = False,
    sources: Sequence[str] = (),
    banner_text: str = "",
) -> str:
    """The whole pruning step, from lightningcss output to the bundle."""
    rules = drop_selectors(parse(css), [re.compile(p) for p in drops])
    if used is not None:
        theme_classes = required_classes(theme)
        keep = [re.compile(p) for p in keep_classes]
        rules = drop_unused(rules, used | theme_classes, keep)
    while True:
        rules = CustomProperties(
            rules, theme=theme, context=context, closed_world=closed_world
        ).run()
        if not (
            zero_products(rules)
            or (closed_world and _closed_world_step(rules, context))
        ):
            break
    drop_repeats(rules)
    if rename:
        rename_private(rules, keep=set(PRIVATE_RE.findall(context)))
    return banner(banner_text, copyright_lines(sources)) + serialise(rules) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--theme", default="", help="the theme rule's selector")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--drop", action="append", default=[], metavar="REGEX")
    parser.add_argument("--used-in", type=Path, action="append", default=[])
    parser.add_argument("--keep-class", action="append", default=[], metavar="REGEX")
    parser.add_argument("--context", type=Path, action="append", default=[])
    parser.add_argument("--closed-world", action="store_true")
    parser.add_argument("--rename-private", action="store_true")
    parser.add_argument("--copyright-from", type=Path, action="append", default=[])
    parser.add_argument("--banner", default="")
    parser.add_argument("input", type=Path)
    args = parser.parse_args(argv)

    out = build(
        args.input.read_text(encoding="utf-8"),
        theme=args.theme,
        drops=args.drop,
        used=(
            {
                c
                for p in args.used_in
                for c in used_classes(p.name, p.read_text(encoding="utf-8"))
            }
            if args.used_in
            else None
        ),
        keep_classes=args.keep_class,
        context="\n".join(p.read_text(encoding="utf-8") for p in args.context),
        closed_world=args.closed_world,
        rename=args.rename_private,
        sources=[p.read_text(encoding="utf-8") for p in args.copyright_from],
        banner_text=args.banner,
    )
    args.out.write_text(out, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
