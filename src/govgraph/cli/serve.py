"""``govgraph serve`` (a read-only SPARQL endpoint with a query page) and ``govgraph load``
(build an on-disk store once, or push the graph into a SPARQL endpoint's named graph)."""

from __future__ import annotations

from pathlib import Path

import click

from .._core.errors import GovGraphError
from ._common import emit_json, friendly_errors, progress_bar, rules_option, store_option


def _records_option(function):  # noqa: ANN001, ANN201
    return click.option(
        "--records",
        "records",
        multiple=True,
        type=click.Path(exists=True, dir_okay=True, path_type=Path),
        help="More RDF to include: a file, or a folder of RDF files (repeatable).",
    )(function)


def _load_disk(parts, location: Path, quiet: bool):  # noqa: ANN001, ANN202 - govgraph.serve.push.Loaded
    from ..serve.push import load_disk

    if quiet:
        return load_disk(location, parts)
    with progress_bar("loading {task.description}") as progress:
        task = progress.add_task("files", total=sum(len(p.files) for p in parts))
        return load_disk(location, parts, progress=lambda path: progress.update(task, advance=1, description=path.name))


@click.command()
@rules_option
@store_option
@_records_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (only this machine by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=1, max=86400),
              help="Time limit of every query, in seconds, counted from its arrival.")
@click.option("--max-answer-mb", "max_answer_mb", default=32.0, show_default=True, type=click.FloatRange(min=0.001, max=1 << 20),
              help="Size limit of every answer, in megabytes: a larger one is refused (503), never cut short.")
@click.option("--workers", default=8, show_default=True, type=click.IntRange(1, 256), help="Queries run at once; the rest wait.")
@click.option("--allow-service", "allow_service", multiple=True, metavar="PREFIX",
              help="Let SERVICE clauses call endpoints whose IRI starts with PREFIX (repeatable); refused otherwise.")
@friendly_errors
def serve(rules: str | None, store: str, records: tuple[Path, ...], host: str, port: int, timeout: float,
          max_answer_mb: float, workers: int, allow_service: tuple[str, ...]) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint, with a query page.

    \b
    Examples:
      govgraph serve                                  # http://127.0.0.1:7878/
      govgraph serve --store oxigraph:/srv/govgraph   # a store built by `govgraph load`
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/query

    The page offers the project's named queries; UPDATE and SERVICE are refused; a query
    running past --timeout or answering more than --max-answer-mb is answered 503 with a
    sentence saying it was cut off (header X-GovGraph-Cut-Off), never a partial answer.
    """
    from .._core.stores import parse_spec
    from ..answers.loading import parts_for
    from ..serve.endpoint import Server
    from ..serve.push import store_location

    if not (1 <= timeout <= 86400 and 0 < max_answer_mb):  # click's ranges let NaN through
        raise click.BadParameter("expected a number of seconds from 1 to 86400", param_hint="--timeout")
    backend, _ = parse_spec(store)
    if backend != "oxigraph":
        click.echo(f"govgraph: note: the endpoint runs on Oxigraph's server; --store {backend} is not used for serving", err=True)
    parts = parts_for(rules, records)
    location = store_location(parts, store)
    loaded = _load_disk(parts, location, quiet=False)
    if loaded.built:
        click.echo(f"govgraph: loaded {', '.join(loaded.graphs)} into {location} in {loaded.seconds:.1f} s", err=True)
    server = Server(location, host=host, port=port, timeout=timeout, max_answer_mb=max_answer_mb, workers=workers,
                    allow_service=allow_service).start()
    click.echo(f"govgraph: serving {loaded.triples:,} triples at {server.url}/ (SPARQL: {server.url}/query); Ctrl-C stops", err=True)
    server.wait()


@click.command()
@rules_option
@store_option
@_records_option
@click.option("--endpoint", metavar="URL", envvar="GOVGRAPH_ENDPOINT",
              help="Push into this SPARQL 1.1 endpoint instead (its update service: see --update-endpoint).")
@click.option("--update-endpoint", metavar="URL", envvar="GOVGRAPH_UPDATE_ENDPOINT",
              help="Where updates go, if not --endpoint (Virtuoso: http://HOST:8890/sparql-auth).")
@click.option("--graph", "graph", metavar="IRI", envvar="GOVGRAPH_GRAPH",
              help="Load everything into this one named graph [default: the ontology, each rule base and the "
                   "records each into a graph of its own under https://w3id.org/govgraph/graph/].")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1), help="Triples per update request.")
@click.option("--replace", is_flag=True, help="Drop the named graph first.")
@click.option("--restart", is_flag=True, help="Ignore the progress of an interrupted load and send every batch again.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@friendly_errors
def load(rules: str | None, store: str, records: tuple[Path, ...], endpoint: str | None, update_endpoint: str | None,
         graph: str | None, batch_size: int, replace: bool, restart: bool, output_format: str) -> None:
    """Add the ontology, rule bases and records to an on-disk store, or to a SPARQL endpoint.

    Each goes into a named graph of its own; what the store already holds for other rule
    bases or records stays. --rules may be repeated (or `all`: every rule base the catalog
    lists); a part already loaded from the same, unchanged files is not loaded again.

    \b
    Examples:
      govgraph load --store oxigraph:/srv/govgraph          # once; then every command reopens it
      GOVGRAPH_ENDPOINT_USER=dba GOVGRAPH_ENDPOINT_PASSWORD=… GOVGRAPH_ENDPOINT_AUTH=digest \\
        govgraph load --endpoint http://127.0.0.1:8890/sparql-auth --graph https://example.org/g

    Pushing is resumable: batches already sent (same endpoint, graph and files) are
    skipped when the command runs again. Credentials come from the environment only.
    """
    from .._core.stores import parse_spec
    from ..answers.loading import parts_for

    parts = parts_for(rules, records)
    quiet = output_format == "json"
    if endpoint:
        loaded = _push(parts, endpoint, update_endpoint, graph, batch_size, replace, restart, quiet)
    else:
        _backend, location = parse_spec(store)
        if location is None:
            raise GovGraphError("expected --store oxigraph:PATH (an on-disk store to load into) or --endpoint URL")
        loaded = _load_disk(parts, location, quiet)
    if quiet:
        emit_json(loaded.to_dict())
    elif loaded.sent is not None:
        click.echo(f"{loaded.where}: sent {loaded.sent:,} triples from {loaded.files} files in {loaded.seconds:.1f} s "
                   f"into {len(loaded.graphs)} graph(s); the endpoint counts {loaded.triples:,} in them")
    elif loaded.built:
        click.echo(f"{loaded.where}: loaded {', '.join(loaded.graphs)} ({loaded.files} files) in {loaded.seconds:.1f} s; "
                   f"the store holds {loaded.triples:,} triples")
    else:
        click.echo(f"{loaded.where}: already up to date ({loaded.triples:,} triples)")


def _push(parts, endpoint: str, update_endpoint: str | None, graph: str | None,  # noqa: ANN001, ANN202
          batch_size: int, replace: bool, restart: bool, quiet: bool):
    from ..serve.push import load_endpoint

    options = {"graph": graph, "update_endpoint": update_endpoint, "batch_size": batch_size, "replace": replace, "restart": restart}
    if quiet:
        return load_endpoint(endpoint, parts, **options)
    with progress_bar("pushing triples") as progress:
        task = progress.add_task("push", total=None)
        return load_endpoint(endpoint, parts, **options, on_batch=lambda n, total: progress.update(task, advance=n, total=total))
