"""Alembic environment: always run on a connection the workspace hands over (never from a URL in a file)."""

from alembic import context

from dhr_manager.storage.schema import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
