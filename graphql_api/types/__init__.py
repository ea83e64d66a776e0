"""The GraphQL types: each a thin projection of one ``search_index`` record."""
