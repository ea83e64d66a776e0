"""A cost limit on nested connections: the validation rule no Strawberry extension provides.

A connection asked for ``first: n`` may return n nodes, and whatever is
selected under it is paid n times over: ``people(first: 100) { statements(first:
100) }`` asks for 10,100 nodes. The rule multiplies down the tree, reads
``first`` from literals, variables or the schema default, and refuses an
operation whose total exceeds the limit before anything runs.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLInterfaceType,
    GraphQLNamedType,
    GraphQLObjectType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    get_named_type,
    value_from_ast,
)
from strawberry.extensions import SchemaExtension

from graphql_api.errors import QueryTooComplex

#: Fragments nest at most this deep when costed (cycles are refused by another rule anyway).
_MAX_FRAGMENT_NESTING = 32


def _field_def(parent: GraphQLNamedType | None, name: str) -> GraphQLField | None:
    if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
        found: GraphQLField | None = parent.fields.get(name)
        return found
    return None


def _first(node: FieldNode, definition: GraphQLField, variables: Mapping[str, Any]) -> int | None:
    """The page size a connection field asks for; None for fields that are not paged."""
    argument = definition.args.get("first")
    if argument is None:
        return None
    for given in node.arguments or ():
        if given.name.value == "first":
            value = value_from_ast(given.value, argument.type, dict(variables))
            return value if isinstance(value, int) and value > 0 else 0
    default = argument.default_value
    return default if isinstance(default, int) else 0


class _Coster:
    """Walks one operation, fragments inlined, summing nodes with connection sizes multiplied."""

    def __init__(
        self,
        schema: GraphQLSchema,
        fragments: Mapping[str, FragmentDefinitionNode],
        variables: Mapping[str, Any],
    ) -> None:
        self.schema = schema
        self.fragments = fragments
        self.variables = variables

    def cost(
        self, selections: SelectionSetNode | None, parent: GraphQLNamedType | None, multiplier: int,
        nesting: int = 0,
    ) -> int:
        """Nodes the selection set may return when its parent appears ``multiplier`` times."""
        total = 0
        for node, node_parent, depth in self._fields(selections, parent, nesting):
            definition = _field_def(node_parent, node.name.value)
            if definition is None:
                continue
            first = _first(node, definition, self.variables)
            times = multiplier if first is None else multiplier * first
            if first is not None:
                total += times
            total += self.cost(node.selection_set, get_named_type(definition.type), times, depth)
        return total

    def _fields(
        self, selections: SelectionSetNode | None, parent: GraphQLNamedType | None, nesting: int
    ) -> Iterator[tuple[FieldNode, GraphQLNamedType | None, int]]:
        if selections is None or nesting > _MAX_FRAGMENT_NESTING:
            return
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                yield selection, parent, nesting
            elif isinstance(selection, InlineFragmentNode):
                yield from self._fields(
                    selection.selection_set, self._narrowed(selection, parent), nesting + 1
                )
            elif isinstance(selection, FragmentSpreadNode):
                fragment = self.fragments.get(selection.name.value)
                if fragment is not None:
                    yield from self._fields(
                        fragment.selection_set, self._narrowed(fragment, parent), nesting + 1
                    )

    def _narrowed(
        self, fragment: InlineFragmentNode | FragmentDefinitionNode, parent: GraphQLNamedType | None
    ) -> GraphQLNamedType | None:
        if fragment.type_condition is None:
            return parent
        return self.schema.get_type(fragment.type_condition.name.value)


def operation_cost(
    context: ValidationContext, operation: OperationDefinitionNode, variables: Mapping[str, Any]
) -> int:
    """The cost of one operation of the document under validation."""
    schema = context.schema
    fragments = {
        definition.name.value: definition
        for definition in context.document.definitions
        if isinstance(definition, FragmentDefinitionNode)
    }
    root = schema.get_root_type(operation.operation)
    return _Coster(schema, fragments, variables).cost(operation.selection_set, root, 1)


def cost_rule(max_cost: int, variables: Mapping[str, Any]) -> type[ValidationRule]:
    """A validation rule refusing operations that cost more than ``max_cost`` nodes."""

    class CostLimit(ValidationRule):
        def enter_operation_definition(self, node: OperationDefinitionNode, *_: object) -> None:
            cost = operation_cost(self.context, node, variables)
            if cost > max_cost:
                message = (
                    f"query cost {cost} exceeds the limit of {max_cost}"
                    " (nested connections multiply: ask for smaller pages)"
                )
                self.report_error(GraphQLError(message, node, original_error=QueryTooComplex(message)))

    return CostLimit


class CostLimiter(SchemaExtension):
    """Adds the cost rule, bound to this request's variables, to validation."""

    def __init__(self, max_cost: int) -> None:
        self.max_cost = max_cost

    def on_operation(self) -> Iterator[None]:
        """Register the rule before validation runs."""
        context = self.execution_context
        context.validation_rules = (
            *context.validation_rules,
            cost_rule(self.max_cost, context.variables or {}),
        )
        yield
