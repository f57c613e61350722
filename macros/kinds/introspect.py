"""Reading the models' annotations: the one place that walks pydantic field types.

Reference checking, the catalog's back-references, the editors' reference pages, the `wise new`
templates, the export column docs and the validator's "did you mean" all need to know what a
field holds: a nested model, a list, a reference to another record, a vocabulary value. They
ask here, so a new field type is understood everywhere at once.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Iterator
from typing import Any

from pydantic import BaseModel

from .fields import Accepts, Derived, Ref, Translatable


def full_annotation(field) -> Any:
    """A pydantic field's annotation with its metadata (validators, markers) put back on it."""
    return typing.Annotated[(field.annotation, *field.metadata)] if field.metadata else field.annotation


@functools.cache
def fields(model: type[BaseModel]) -> tuple[tuple[str, Any], ...]:
    """A model's (name, full annotation) pairs in declaration order, computed once per model."""
    return tuple((name, full_annotation(f)) for name, f in model.model_fields.items())


def _markers(annotation: Any) -> Iterator[Any]:
    """Every metadata object on an annotation, looking through Optional, list and Annotated."""
    yield from getattr(annotation, "__metadata__", ())
    for arg in typing.get_args(annotation):
        if arg is not type(None) and not isinstance(arg, (str, int, bool)):
            yield from _markers(arg)


def marker(annotation: Any, cls: type) -> Any:
    """The first marker of type `cls` on an annotation (or inside it), or None."""
    return next((m for m in _markers(annotation) if isinstance(m, cls)), None)


@functools.cache
def ref_of(annotation: Any) -> Ref | None:
    """The Ref marker of a single id field (looking through Optional, not into lists)."""
    for meta in getattr(annotation, "__metadata__", ()):
        if isinstance(meta, Ref):
            return meta
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return next((found for arg in typing.get_args(annotation) if (found := ref_of(arg))), None)
    return None


@functools.cache
def strip(annotation: Any) -> Any:
    """The type under Annotated and Optional."""
    while True:
        if typing.get_origin(annotation) is typing.Annotated:
            annotation = typing.get_args(annotation)[0]
            continue
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if typing.get_origin(annotation) in (typing.Union, types.UnionType) and len(args) == 1:
            annotation = args[0]
            continue
        return annotation


def inner_model(annotation: Any) -> Any:
    """The BaseModel inside an annotation (through Optional, list, dict, Annotated), if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in typing.get_args(annotation) if (found := inner_model(arg)) is not None), None)


def is_list(annotation: Any) -> bool:
    """A list field (possibly optional)."""
    bare = strip(annotation)
    return typing.get_origin(bare) is list or any(typing.get_origin(strip(a)) is list for a in typing.get_args(bare))


def is_mapping(annotation: Any) -> bool:
    """A mapping field (district → measures)."""
    return typing.get_origin(strip(annotation)) is dict


def literal_values(annotation: Any) -> tuple[str, ...]:
    """The allowed values of a Literal field (through Optional and Annotated), or ()."""
    bare = strip(annotation)
    if typing.get_origin(bare) is typing.Literal:
        return typing.get_args(bare)
    return next((found for arg in typing.get_args(bare) if (found := literal_values(arg))), ())


def accepts(annotation: Any) -> str | None:
    """What a field accepts in editors' words: a reference, a list of allowed values, or its field type's name."""
    found = marker(annotation, Ref)
    if found is not None:
        target = found.target.replace("vocab:", "")
        return f"id of a {target} entry" if found.vocabulary else f"id of a {target}"
    values = literal_values(annotation)
    if values:
        return "one of: " + ", ".join(f"`{v}`" for v in values)
    named = marker(annotation, Accepts)
    return named.name if named else None


def translatable(annotation: Any) -> bool:
    """Whether a field's text may be written per language (plain text in the default language, or a mapping by
    language), its value a Localized."""
    return marker(annotation, Translatable) is not None


@functools.cache
def translatable_fields(model: type[BaseModel]) -> tuple[str, ...]:
    """The names of a model's translatable fields, in declaration order (worked out once per model)."""
    return tuple(name for name, annotation in fields(model) if translatable(annotation))


def derived(field) -> Derived | None:
    """The Derived marker of a field editors must not write (the build fills it in), if any."""
    return marker(full_annotation(field), Derived)


def fields_at(model: Any, loc: tuple) -> dict:
    """The fields of the (nested) model found at `loc` in a record."""
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return {}
        model = inner_model(field.annotation)
    return getattr(model, "model_fields", {})


def iter_refs(value: Any, annotation: Any = None, loc: tuple = ()) -> Iterator[tuple[tuple, str, str]]:
    """Every (loc, target, id) reference in a record: a validated model, or the raw data of
    one (then `annotation` is the kind's model class), so that files with other problems are
    still checked. A word the field takes besides ids (`Ref.also`) is not a reference."""
    walker = _walker(type(value) if annotation is None and isinstance(value, BaseModel) else annotation)
    if walker is not None:
        yield from walker(value, loc)


Walker = Callable[[Any, tuple], Iterator[tuple[tuple, str, str]]]


@functools.cache
def _walker(annotation: Any) -> Walker | None:
    """How to find the references under a type, worked out once per type: the model's fields that can hold one,
    a list's items, a mapping's keys and values, or the id itself; None where no reference can be (most text)."""
    ref = ref_of(annotation)
    bare = strip(annotation)
    if isinstance(bare, type) and issubclass(bare, BaseModel):
        return _model_walker(bare)
    if typing.get_origin(bare) is list:
        (item,) = typing.get_args(bare)
        return _list_walker(_walker(item))
    if typing.get_origin(bare) is dict:
        key, item = typing.get_args(bare)
        return _mapping_walker(ref_of(key), _walker(item))
    if ref is not None:
        return _id_walker(ref)
    return None


def _model_walker(model: type[BaseModel]) -> Walker | None:
    parts = [(name, walker) for name, annotation in fields(model) if (walker := _walker(annotation)) is not None]
    if not parts:
        return None

    def walk(value, loc):
        for name, walker in parts:
            sub = value.get(name) if isinstance(value, dict) else getattr(value, name, None)
            if sub is not None:
                yield from walker(sub, loc + (name,))

    return walk


def _list_walker(item: Walker | None) -> Walker | None:
    if item is None:
        return None

    def walk(value, loc):
        if isinstance(value, list):
            for i, element in enumerate(value):
                yield from item(element, loc + (i,))

    return walk


def _mapping_walker(key: Ref | None, item: Walker | None) -> Walker | None:
    if key is None and item is None:
        return None

    def walk(value, loc):
        if isinstance(value, dict):
            for name, element in value.items():
                if key is not None and isinstance(name, str):
                    yield loc + (name,), key.target, name
                if item is not None:
                    yield from item(element, loc + (name,))

    return walk


def _id_walker(ref: Ref) -> Walker:
    def walk(value, loc):
        if isinstance(value, str) and value not in ref.also:
            yield loc, ref.target, value

    return walk
