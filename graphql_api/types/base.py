"""Decorators that make docstrings the schema's descriptions (what GraphiQL and codegen show).

Strawberry ignores docstrings; these pass them on, so each type and field is
documented once, in Python, and the SDL can never disagree with the code.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any, TypeVar

import strawberry
from strawberry import UNSET
from strawberry.types.field import StrawberryField
from typing_extensions import dataclass_transform

T = TypeVar("T", bound=type)


def _doc(obj: object) -> str | None:
    return inspect.cleandoc(obj.__doc__) if obj.__doc__ else None


@dataclass_transform(kw_only_default=True, field_specifiers=(strawberry.field, StrawberryField))
def object_type(cls: T) -> T:
    """``@strawberry.type`` with the class docstring as the description."""
    return strawberry.type(cls, description=_doc(cls))


@dataclass_transform(kw_only_default=True, field_specifiers=(strawberry.field, StrawberryField))
def input_type(cls: T) -> T:
    """``@strawberry.input`` with the class docstring as the description."""
    return strawberry.input(cls, description=_doc(cls))


def _unset_as_none(resolver: Callable[..., Any]) -> Callable[..., Any]:
    """The resolver, seeing None for optional arguments the client left out.

    Optional arguments default to UNSET so the SDL shows no ``= null`` default
    the contract does not have; resolvers should not have to care.
    """
    signature = inspect.signature(resolver)
    if not any(parameter.default is UNSET for parameter in signature.parameters.values()):
        return resolver

    def bound(args: tuple[Any, ...], kwargs: dict[str, Any]) -> inspect.BoundArguments:
        # Strawberry passes only the arguments the client gave; defaults fill the rest.
        arguments = signature.bind(*args, **kwargs)
        arguments.apply_defaults()
        for name, value in arguments.arguments.items():
            if value is UNSET:
                arguments.arguments[name] = None
        return arguments

    if inspect.iscoroutinefunction(resolver):

        @functools.wraps(resolver)
        async def async_wrapper(*args: Any, **kwargs: Any) -> Any:
            arguments = bound(args, kwargs)
            return await resolver(*arguments.args, **arguments.kwargs)

        return async_wrapper

    @functools.wraps(resolver)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        arguments = bound(args, kwargs)
        return resolver(*arguments.args, **arguments.kwargs)

    return wrapper


def field(resolver: Callable[..., Any]) -> Any:
    """``@strawberry.field`` with the resolver's docstring as the description."""
    return strawberry.field(resolver=_unset_as_none(resolver), description=_doc(resolver))


def mutation_field(resolver: Callable[..., Any]) -> Any:
    """``@strawberry.mutation`` with the resolver's docstring as the description."""
    return strawberry.mutation(resolver=_unset_as_none(resolver), description=_doc(resolver))


def interface_type(cls: T) -> T:
    """``@strawberry.interface`` with the class docstring as the description."""
    return strawberry.interface(cls, description=_doc(cls))
