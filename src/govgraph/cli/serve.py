"""``govgraph serve`` (a read-only SPARQL endpoint with a query page) and ``govgraph load``
(build an on-disk store once, or push the graph into a SPARQL endpoint's named graph)."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import click

from .._core.errors import GovGraphError
from ._common import emit_json, friendly_errors, progress_bar, rules_option, store_option

DEFAULT_GRAPH = "https://w3id.org/govgraph/graph/{name}"


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "govgraph"


def _store_for(files: list[Path], store: str) -> Path:
    """The on-disk store folder to serve: the spec's PATH, or one in the cache named by the files."""
    from .._core.stores import parse_spec

    backend, location = parse_spec(store)
    if location is not None:
        return location
    if backend != "oxigraph":
        click.echo(f"govgraph: note: the endpoint runs on Oxigraph's server; --store {backend} is not used for serving", err=True)
    digest = hashlib.sha256("\n".join(str(p.resolve()) for p in files).encode()).hexdigest()[:16]
    return _cache_dir() / "stores" / digest


def _records_option(function):
    return click.option(
        "--records",
        "records",
        multiple=True,
        type=click.Path(exists=True, dir_okay=True, path_type=Path),
        help="More RDF to include: a file, or a folder of RDF files (repeatable).",
    )(function)


def _build(files: list[Path], location: Path, quiet: bool = False) -> tuple[int, float, bool]:
    """Build the on-disk store if stale: (triples, seconds, whether it was built)."""
    import json

    from .._core.stores import MANIFEST, build_disk_store, disk_store_is_current

    if disk_store_is_current(files, location):
        triples = json.loads((location / MANIFEST).read_text(encoding="utf-8")).get("triples", 0)
        return triples, 0.0, False
    started = time.perf_counter()
    if quiet:
        triples = build_disk_store(files, location)
    else:
        with progress_bar("loading {task.description}") as progress:
            task = progress.add_task("files", total=len(files))
            triples = build_disk_store(files, location, progress=lambda path: progress.update(task, advance=1, description=path.name))
    return triples, time.perf_counter() - started, True


@click.command()
@rules_option
@store_option
@_records_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (only this machine by default).")
@click.option("--port", default=7878, show_default=True, type=click.IntRange(0, 65535), help="Port (0: any free one).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=1), help="Time limit of every query, in seconds.")
@friendly_errors
def serve(rules: str | None, store: str, records: tuple[Path, ...], host: str, port: int, timeout: float) -> None:
    """Serve the graph as a read-only SPARQL 1.1 endpoint, with a query page.

    \b
    Examples:
      govgraph serve                                  # http://127.0.0.1:7878/
      govgraph serve --store oxigraph:/srv/govgraph   # a store built by `govgraph load`
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 3' http://127.0.0.1:7878/query

    The page offers the project's named queries; UPDATE is refused; a query running past
    --timeout is answered 503 with a sentence saying it was cut off.
    """
    from ..answers.loading import files_for
    from ..serve.endpoint import Server

    _juris, files = files_for(rules, records)
    location = _store_for(files, store)
    triples, seconds, built = _build(files, location)
    if built:
        click.echo(f"govgraph: loaded {triples:,} triples into {location} in {seconds:.1f} s", err=True)
    server = Server(location, host=host, port=port, timeout=timeout).start()
    click.echo(f"govgraph: serving {triples:,} triples at {server.url}/ (SPARQL: {server.url}/query); Ctrl-C stops", err=True)
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
              help="Named graph to load into [default: https://w3id.org/govgraph/graph/RULES].")
@click.option("--batch-size", default=500, show_default=True, type=click.IntRange(1), help="Triples per update request.")
@click.option("--replace", is_flag=True, help="Drop the named graph first.")
@click.option("--restart", is_flag=True, help="Ignore the progress of an interrupted load and send every batch again.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True)
@friendly_errors
def load(rules: str | None, store: str, records: tuple[Path, ...], endpoint: str | None, update_endpoint: str | None,
         graph: str | None, batch_size: int, replace: bool, restart: bool, output_format: str) -> None:
    """Load the ontology, a rule base and records: into an on-disk store, or into a SPARQL endpoint.

    \b
    Examples:
      govgraph load --store oxigraph:/srv/govgraph          # once; then every command reopens it
      GOVGRAPH_ENDPOINT_USER=dba GOVGRAPH_ENDPOINT_PASSWORD=… GOVGRAPH_ENDPOINT_AUTH=digest \\
        govgraph load --endpoint http://127.0.0.1:8890/sparql-auth --graph https://example.org/g

    Pushing is resumable: batches already sent (same endpoint, graph and files) are
    skipped when the command runs again. Credentials come from the environment only.
    """
    from ..answers.loading import files_for

    juris, files = files_for(rules, records)
    if not endpoint:
        from .._core.stores import parse_spec

        _backend, location = parse_spec(store)
        if location is None:
            raise GovGraphError("expected --store oxigraph:PATH (an on-disk store to build) or --endpoint URL")
        triples, seconds, built = _build(files, location, quiet=output_format == "json")
        report = {"store": str(location), "triples": triples, "seconds": round(seconds, 3), "built": built, "files": len(files)}
        if output_format == "json":
            emit_json(report)
        else:
            verb = f"loaded in {seconds:.1f} s" if built else "already up to date"
            click.echo(f"{location}: {triples:,} triples from {len(files)} files, {verb}")
        return

    from .._core.binding import iri_text
    from .._core.remote import RemoteStore
    from ..serve.push import count_graph, push

    graph = graph or DEFAULT_GRAPH.format(name=juris.name)
    remote = RemoteStore(endpoint, graph=graph, update_endpoint=update_endpoint)
    key = hashlib.sha256(f"{remote.update_endpoint}\n{graph}".encode()).hexdigest()[:16]
    state = _cache_dir() / "loads" / f"{key}.json"
    if restart or replace:
        state.unlink(missing_ok=True)
    if replace:
        remote.update(f"DROP SILENT GRAPH {iri_text(graph)}")
    started = time.perf_counter()
    if output_format == "json":
        sent = push(remote, files, batch_size=batch_size, state=state)
    else:
        with progress_bar("pushing triples") as progress:
            task = progress.add_task("push", total=None)
            sent = push(remote, files, batch_size=batch_size, state=state,
                        on_batch=lambda n, total: progress.update(task, advance=n, total=total))
    seconds = time.perf_counter() - started
    counted = count_graph(remote)
    report = {"endpoint": remote.endpoint, "graph": graph, "sent": sent, "triples": counted, "seconds": round(seconds, 3), "files": len(files)}
    if output_format == "json":
        emit_json(report)
    else:
        click.echo(f"{graph}: sent {sent:,} triples from {len(files)} files in {seconds:.1f} s; the endpoint counts {counted:,} in the graph")
