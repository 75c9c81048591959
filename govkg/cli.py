"""The ``govkg`` command line: a thin layer over the library.

Each command parses options, calls the library, and prints. Library errors
(:class:`govkg.errors.GovKGError`) become one-line ``click.ClickException`` messages
here and nowhere else.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from govkg.errors import GovKGError

def _remember(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
    ctx.meta[f"govkg.{param.name}"] = value
    return value


def _output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--format, plus --wide (tables) and --bom (CSV); the latter two are read by :func:`_render`."""
    command = click.option("--bom", is_flag=True, expose_value=False, callback=_remember,
                           help="With --format csv: start with a UTF-8 byte-order mark (Excel on Chinese Windows needs it).")(command)
    command = click.option("--wide", is_flag=True, expose_value=False, callback=_remember,
                           help="Print table cells whole instead of cutting long ones with …")(command)
    return click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table", show_default=True,
                        help="Output format: an aligned table, JSON (lists stay lists) or CSV.")(command)


FORMAT = _output_options


def _render(rows: Any, fmt: str, columns: Any = None, **options: Any) -> str:
    """``govkg.output.render`` with the command's --wide and --bom."""
    from govkg.output import render

    meta = click.get_current_context().meta
    return render(rows, fmt, columns, wide=bool(meta.get("govkg.wide")), bom=bool(meta.get("govkg.bom")), **options)


@contextmanager
def _errors() -> Iterator[None]:
    """Turn govkg's own errors into one-line CLI errors (exit code 1)."""
    try:
        yield
    except GovKGError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:  # a file the library did not expect to fail on: still one line
        where = f"{error.filename}: " if error.filename else ""
        raise click.ClickException(f"{where}{error.strerror or error}") from None


def _emit(text: str, output: str | None) -> None:
    from govkg.files import write_atomically

    if output:
        with _errors():
            write_atomically(output, text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False)


def _progress(total: int, label: str) -> Any:
    """Progress on stderr: a live line on a terminal, a plain line every few seconds otherwise."""
    from govkg.progress import Progress

    return Progress(total, label, stream=sys.stderr)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="govkg")
def cli() -> None:
    """govkg: a knowledge graph of Chinese rule-of-law government reports.

    Extract institutions, places, agreements, documents, mechanisms, observation
    points, mediation centres, events and statistics from reports of the genre
    「YYYY年XX区法治政府建设情况报告」; export RDF; load Neo4j; query.
    """


WORKERS = click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
                       help="Extract in this many processes.")
SCHEDULER = click.option("--scheduler", metavar="ADDRESS", help="Extract on a Dask cluster (tcp://host:8786, or 'local' for a local one).")



def hint_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--region/--year/--title: what a report's text does not say, or says wrongly."""
    command = click.option("--title", help="The report's title, when the file has none or a wrong one.")(command)
    command = click.option("--year", type=click.IntRange(1990, 2100), help="The year reported on.")(command)
    command = click.option("--region", help="The reporting region (e.g. 静海区).")(command)
    return command


def _hints(region: str | None, year: int | None, title: str | None) -> Any:
    from govkg.loaders.text import Hints

    return Hints(region=region, year=year, title=title) if region or year or title else None


def _outcomes(paths: list[Path], model: str | None, workers: int = 1, scheduler: str | None = None, hints: Any = None,
              niceness: int = 0) -> Iterator[Any]:
    """Extraction outcomes one by one: serially, on local processes (at ``niceness``), or on a Dask cluster."""
    if scheduler:
        from govkg.loaders.parallel import extract_distributed

        return extract_distributed(paths, scheduler, model, hints=hints)
    if workers > 1:
        from govkg.loaders.parallel import extract_parallel

        return extract_parallel(paths, workers, model, hints=hints, niceness=niceness)
    from govkg.loaders.batch import extract_many

    return extract_many(paths, model, hints)


def _extract_all(files: tuple[str, ...], model: str | None, workers: int = 1, scheduler: str | None = None,
                 hints: Any = None) -> tuple[list[Any], list[str]]:
    from govkg.loaders.batch import report_files

    with _errors():
        paths = report_files(files)
    from govkg.loaders.batch import distinct_reports

    extractions, failures = [], []
    with _errors(), _progress(len(paths), "extracting") as bar:
        for outcome in _outcomes(paths, model, workers, scheduler, hints):
            bar.update(1)
            if outcome.error:
                failures.append(outcome.error)
            else:
                extractions.append(outcome.extraction)
    extractions, warnings, identity = distinct_reports(extractions)
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)
    if identity.files > identity.distinct:  # some files held the same report
        click.echo(identity.summary(), err=True)
    extractions.sort(key=lambda x: x.report.id)
    return extractions, failures


def _finish(failures: list[str], total: int) -> None:
    if failures and total == 1:
        raise click.ClickException(failures[0])  # one file: its reason is the whole message
    if failures:
        for failure in failures:
            click.echo(f"error: {failure}", err=True)
        raise click.ClickException(f"{len(failures)} of {total} report(s) failed")


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "table", "csv"]), default="json", show_default=True,
              help="json: the full extraction; table/csv: one row per entity.")
@click.option("--wide", is_flag=True, expose_value=False, callback=_remember, help="With --format table: print cells whole.")
@click.option("--bom", is_flag=True, expose_value=False, callback=_remember, help="With --format csv: start with a UTF-8 byte-order mark.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file instead of stdout.")
@click.option("--model", help="An installed trained spaCy pipeline to start from (default: blank zh + jieba).")
@WORKERS
@SCHEDULER
@hint_options
def extract(files: tuple[str, ...], fmt: str, output: str | None, model: str | None, workers: int, scheduler: str | None,
            region: str | None, year: int | None, title: str | None) -> None:
    """Extract entities, relations and statistics (with provenance) from report FILES or folders.

    Reads .txt, .html, .pdf (text layer) and .docx; folders are walked.
    """

    extractions, failures = _extract_all(files, model, workers, scheduler, _hints(region, year, title))
    if extractions:
        if fmt == "json":
            from govkg.loaders.model import extractions_json

            text = extractions_json(extractions)
        else:
            rows = [
                {"report": x.report.id, "type": e.type, "class": e.cls, "name": e.name, "name_en": e.name_en, "mentions": len(e.mentions)}
                for x in extractions
                for e in x.entities
                if e.mentions
            ]
            text = _render(rows, fmt)
        _emit(text, output)
    _finish(failures, len(extractions) + len(failures))


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["turtle", "jsonld", "nt", "nquads", "trig", "neo4j-csv"]), default="turtle", show_default=True,
              help="RDF serialisation (nquads/trig keep one named graph per report), or neo4j-csv: CSV files for `neo4j-admin database import full`.")
@click.option("-o", "--output", type=click.Path(), help="Write to this file (a folder for neo4j-csv) instead of stdout.")
@click.option("--model", help="An installed trained spaCy pipeline to start from.")
@WORKERS
@SCHEDULER
@hint_options
def export(files: tuple[str, ...], fmt: str, output: str | None, model: str | None, workers: int, scheduler: str | None,
           region: str | None, year: int | None, title: str | None) -> None:
    """Export report FILES as RDF (ontology classes, SKOS labels, Web Annotation provenance) or Neo4j import CSV.

    nt and nquads are streamed report by report (memory does not grow with the number
    of reports); the other formats build one graph in memory.
    """
    from govkg.graph.rdf import serialize

    hints = _hints(region, year, title)
    if fmt in ("nt", "nquads"):
        _export_stream(files, fmt, output, model, workers, scheduler, hints)
        return
    if fmt == "neo4j-csv":
        from govkg.graph.neo4j_csv import check_import_folder, import_arguments, write_import_csv

        if not output:
            raise click.UsageError("neo4j-csv needs a folder: -o DIR")
        with _errors():
            check_import_folder(output)
    extractions, failures = _extract_all(files, model, workers, scheduler, hints)
    if failures:
        _finish(failures, len(extractions) + len(failures))
    with _errors():
        if fmt == "neo4j-csv":
            written = write_import_csv(extractions, output)
            click.echo(f"wrote {len(written)} CSV files to {output}; import into an empty database with:", err=True)
            click.echo("  neo4j-admin " + " ".join(import_arguments(written)), err=True)
            return
        _emit(serialize(extractions, fmt), output)


def _export_stream(files: tuple[str, ...], fmt: str, output: str | None, model: str | None, workers: int, scheduler: str | None,
                   hints: Any = None) -> None:
    """Extract and write each report in turn; a bad file means no output at all (every bad file is listed)."""
    import tempfile

    from govkg.graph.rdf import open_rdf_stream
    from govkg.loaders.batch import report_files

    with _errors():
        paths = report_files(files)
    with tempfile.TemporaryDirectory(prefix="govkg-export-") as scratch:
        target = Path(output) if output else Path(scratch) / f"export.{fmt}"
        failures: list[str] = []
        with _errors(), open_rdf_stream(target, fmt) as writer, _progress(len(paths), "exporting") as bar:
            for outcome in _outcomes(paths, model, workers, scheduler, hints):
                bar.update(1)
                if outcome.error:
                    failures.append(outcome.error)
                elif not failures:  # the export is lost anyway; keep going only to list every bad file
                    writer.write(outcome.extraction)
            _finish(failures, len(paths))  # raises inside the block, so the temporary file goes
        if output:
            click.echo(f"wrote {writer.written:,} {'quads' if fmt == 'nquads' else 'triples'} from {writer.reports} report(s) to {output}", err=True)
        else:
            with open(target, encoding="utf-8") as stream:
                for chunk in iter(lambda: stream.read(1 << 20), ""):
                    click.echo(chunk, nl=False)


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"expected KEY=VALUE, got {pair!r}", param_hint="--param")
        out[key.strip()] = value
    return out


PARAM = click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")


DATA = click.option("--data", "data", multiple=True, type=click.Path(),
                    help="RDF file(s) to query in memory (Turtle, N-Triples, JSON-LD, N-Quads, TriG).")
STORE = click.option("--store", "store_dir", type=click.Path(file_okay=False),
                     help="An on-disk store (built with `govkg sparql-index`), opened read-only.")
DEPRECATED_SPARQL = {"index": "sparql-index", "serve": "serve"}
"""``govkg sparql index|serve`` of 0.1, still accepted for one release (unless a canned query has the name)."""


def _rdf_source(data: tuple[str, ...], store_dir: str | None) -> None:
    if not data and not store_dir:
        raise click.UsageError("give the RDF data with --data FILE, or an on-disk store with --store DIR")
    if data and store_dir:
        raise click.UsageError("give either --data (in memory) or --store (on disk), not both")


class _HiddenArgument(click.Argument):
    """An argument left out of the usage line (kept only for a deprecated spelling)."""

    def get_usage_pieces(self, ctx: click.Context) -> list[str]:
        return []


@cli.command()
@click.argument("query")
@click.argument("files", nargs=-1, type=click.Path(), cls=_HiddenArgument)
@DATA
@STORE
@PARAM
@FORMAT
@click.option("--host", default="127.0.0.1", hidden=True)
@click.option("--port", type=click.IntRange(0, 65535), default=7878, hidden=True)
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, hidden=True)
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, hidden=True)
@click.option("--cors", hidden=True)
@click.pass_context
def sparql(ctx: click.Context, query: str, files: tuple[str, ...], data: tuple[str, ...], store_dir: str | None,
           params: tuple[str, ...], fmt: str, host: str, port: int, timeout: float, max_rows: int, cors: str | None) -> None:
    """Run SPARQL over exported RDF: a canned query NAME, @file.rq or the query text.

    \b
    govkg sparql cross_border_points --data kg.ttl
    govkg sparql region_partners --store kg.oxigraph   # an on-disk store (govkg sparql-index)
    govkg sparql @my.rq --data kg.ttl --format json
    """
    from govkg.queries.catalog import catalog

    if query in DEPRECATED_SPARQL and query not in catalog():
        replacement = DEPRECATED_SPARQL[query]
        click.echo(f"warning: `govkg sparql {query}` is deprecated and goes in the next release: use `govkg {replacement}`",
                   err=True)
        if query == "index":
            ctx.invoke(sparql_index, files=files + data, store_dir=store_dir)
        else:
            ctx.invoke(serve, data=data, store_dir=store_dir, host=host, port=port, timeout=timeout, max_rows=max_rows, cors=cors)
        return
    if files:
        raise click.UsageError("got extra arguments: give the data with --data FILE or --store DIR")
    _rdf_source(data, store_dir)
    from govkg.graph.sparql import run_sparql
    from govkg.queries.catalog import read_query_file, sparql_with_parameters

    with _errors():
        canned = catalog().get(query)
        if canned is not None:
            text = sparql_with_parameters(canned, canned.parameters(_params(params)))
        elif query.startswith("@"):
            text = read_query_file(query[1:])
        else:
            text = query
        columns, rows = run_sparql(text, list(data), path=store_dir)
        if canned is not None:
            rows = canned.with_lists(rows)
    click.echo(_render(rows, fmt, columns), nl=False)


@cli.command("sparql-index")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--store", "store_dir", required=True, type=click.Path(file_okay=False), help="Folder of the new on-disk store.")
def sparql_index(files: tuple[str, ...], store_dir: str) -> None:
    """Build an on-disk SPARQL store from RDF FILES (or folders of them), to query or serve read-only.

    \b
    govkg export reports/ --format nquads -o kg.nq
    govkg sparql-index kg.nq --store kg.oxigraph
    govkg sparql region_partners --store kg.oxigraph
    """
    from govkg.graph.sparql import build_store, rdf_files

    if not files:
        raise click.UsageError("give the RDF files (or folders of them) to index")
    began = time.perf_counter()
    with _errors():
        paths = rdf_files(list(files))
        with _progress(len(paths), "indexing") as bar:
            quads = build_store(paths, store_dir, progress=lambda _: bar.update(1))
    click.echo(f"indexed {len(paths)} file(s), {quads:,} quads into {store_dir} in {time.perf_counter() - began:.1f} s", err=True)


@cli.command()
@DATA
@STORE
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind (loopback by default).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True, help="Port of the endpoint.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=30.0, show_default=True, help="Seconds one query may run.")
@click.option("--max-rows", type=click.IntRange(min=1), default=100_000, show_default=True, help="Longest answer (rows or triples).")
@click.option("--cors", metavar="ORIGIN", help="Let pages from this one origin read answers (no CORS header without it).")
def serve(data: tuple[str, ...], store_dir: str | None, host: str, port: int, timeout: float, max_rows: int, cors: str | None) -> None:
    """Serve exported RDF as a read-only SPARQL 1.1 Protocol endpoint at /sparql (Ctrl-C stops it).

    \b
    govkg serve --data kg.ttl
    govkg serve --store kg.oxigraph --port 7979
    """
    from govkg.graph.endpoint import Limits
    from govkg.graph.endpoint import serve as serve_endpoint

    _rdf_source(data, store_dir)
    with _errors():
        server = serve_endpoint(list(data), host, port, store=store_dir, limits=Limits(timeout=timeout, max_rows=max_rows), cors=cors)
    click.echo(f"SPARQL endpoint: http://{host}:{server.server_port}/sparql (read-only; canned queries at /queries; Ctrl-C stops it)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


@cli.command("queries")
@FORMAT
def list_queries(fmt: str) -> None:
    """List the canned queries with their parameters and defaults."""
    from govkg.queries.catalog import catalog

    rows = [
        {"name": q.name, "title": q.title, "parameters": dict(q.defaults), "sparql": q.sparql is not None, "graph": q.graph_cypher is not None}
        for q in catalog().values()
    ]
    click.echo(_render(rows, fmt, max_width=60), nl=False)


@cli.command()
@click.argument("rdf_file", type=click.Path())
def validate(rdf_file: str) -> None:
    """Validate an exported RDF_FILE against the ontology's SHACL shapes and check its statistics."""
    from govkg.graph.rdf import load_rdf
    from govkg.graph.validate import validate as run_validation

    with _errors():
        report = run_validation(load_rdf(rdf_file))
    for violation in report.violations:
        click.echo(f"SHACL: {violation}")
    for statistic in report.inconsistent_statistics:
        click.echo(f"inconsistent statistic: {statistic}")
    click.echo(f"{report.triples} triples; SHACL {'conforms' if report.conforms else 'VIOLATED'}; "
               f"{len(report.inconsistent_statistics)} inconsistent statistic(s)")
    if not report.ok:
        sys.exit(1)


@cli.command()
@click.argument("prediction", type=click.Path())
@click.argument("gold", type=click.Path())
@FORMAT
def evaluate(prediction: str, gold: str, fmt: str) -> None:
    """Score PREDICTION (a report file, or JSON from `govkg extract`) against GOLD annotations.

    Prints precision, recall and F1 per entity type, then for statistics and relations.
    """
    from govkg.loaders.evaluate import consistency_errors, score
    from govkg.loaders.extract import extract_report
    from govkg.loaders.model import extraction_from_dict
    from govkg.loaders.text import read_report

    with _errors():
        gold_data = _read_json(gold)
        if prediction.endswith(".json"):
            extraction = extraction_from_dict(_read_json(prediction))
            beside = Path(prediction).parent / Path(extraction.report.source).name
            if not beside.is_file():
                raise click.ClickException(f"put the report text {beside.name} beside {prediction} to score it")
            text = read_report(beside).text
        else:
            report = read_report(prediction)
            text, extraction = report.text, extract_report(report)
        scores = score(extraction, gold_data, text)
        errors = consistency_errors(extraction, gold_data, text)
    click.echo(_render([s.as_row() for s in scores], fmt), nl=False)
    for error in errors:
        click.echo(f"consistency: {error}", err=True)


def _read_json(path: str) -> Any:
    from govkg.errors import InputError

    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: not valid JSON ({error})") from None


@cli.command()
@click.option("--shapes", is_flag=True, help="Print the SHACL shapes derived from the ontology.")
@click.option("--ontology", "show_ontology", is_flag=True, help="Print the ontology (Turtle).")
@click.option("--terms", is_flag=True, help="Print the Python terms module derived from the ontology (ontology/terms.py).")
@click.option("--html", "html_dir", type=click.Path(file_okay=False), help="Write the ontology's HTML documentation (pyLODE) into this new folder.")
@FORMAT
def schema(shapes: bool, show_ontology: bool, terms: bool, html_dir: str | None, fmt: str) -> None:
    """Show the ontology's classes with their Neo4j labels and the relationship types."""
    from govkg.ontology.schema import load_schema, ontology_turtle
    from govkg.ontology.shapes import shapes_turtle

    if html_dir:
        from govkg.ontology.docs import write_html

        with _errors():
            page = write_html(html_dir)
        click.echo(f"wrote {page}", err=True)
        return
    if shapes:
        click.echo(shapes_turtle(), nl=False)
        return
    if terms:
        from govkg.ontology.terms_source import terms_module

        click.echo(terms_module(), nl=False)
        return
    if show_ontology:
        click.echo(ontology_turtle(), nl=False)
        return
    current = load_schema()
    rows = [{"kind": "class", "name": c.name, "neo4j": ":" + ":".join(current.labels_for(c.name)), "zh": c.label_zh, "en": c.label_en}
            for c in current.classes.values()]
    rows += [{"kind": "relation", "name": r.name, "neo4j": r.cypher_name, "zh": r.label_zh, "en": r.label_en} for r in current.relations.values()]
    click.echo(_render(rows, fmt), nl=False)


# ---------------------------------------------------------------- Neo4j


@cli.group()
def pipeline() -> None:
    """The extraction pipeline as a spaCy pipeline you can keep."""


@pipeline.command("save")
@click.argument("folder", type=click.Path(file_okay=False))
def pipeline_save(folder: str) -> None:
    """Write the pipeline (jieba tokenizer, rule components, their vocabularies) to FOLDER.

    spacy.load(FOLDER) reads it back with govkg installed (doc.spans["govkg"] holds the
    candidates); `govkg extract --model FOLDER` extracts with it.
    """
    from govkg.loaders.pipeline import save_pipeline

    with _errors():
        save_pipeline(folder)
    click.echo(f"wrote {folder}", err=True)


@cli.group()
def neo4j() -> None:
    """Run the project's own local Neo4j server (Community Edition, from Maven Central)."""


STATE_DIR = click.option("--state-dir", type=click.Path(file_okay=False), envvar="GOVKG_NEO4J_HOME",
                         help="Where the server keeps data, logs and its password (default: ~/.local/state/govkg/neo4j).")


@neo4j.command("start")
@STATE_DIR
@click.option("--bolt-port", type=click.IntRange(1, 65535), default=7687, show_default=True, help="Bolt port (loopback only).")
@click.option("--http-port", type=click.IntRange(1, 65535), default=7474, show_default=True, help="HTTP/Browser port (loopback only).")
def neo4j_start(state_dir: str | None, bolt_port: int, http_port: int) -> None:
    """Start the local Neo4j in the background (first start downloads it with Maven)."""
    from govkg.graph import local_neo4j

    with _errors():
        server = local_neo4j.start(Path(state_dir) if state_dir else None, bolt_port=bolt_port, http_port=http_port,
                                   progress=lambda message: click.echo(message, err=True))
    click.echo(f"Neo4j is running (pid {server.pid})")
    click.echo(f"  Bolt:    {server.bolt_uri}")
    click.echo(f"  Browser: {server.browser_url}")
    click.echo(f"  user neo4j; password: {local_neo4j.password_source(server.state_dir)}")
    from govkg.graph.browser_guide import guide_url

    click.echo(f"  Guide:   :guide {guide_url(server.browser_url)}  (type it into Browser's editor)")


@neo4j.command("stop")
@STATE_DIR
def neo4j_stop(state_dir: str | None) -> None:
    """Stop the local Neo4j cleanly."""
    from govkg.graph import local_neo4j

    with _errors():
        stopped = local_neo4j.stop(Path(state_dir) if state_dir else None)
    click.echo("Neo4j stopped" if stopped else "Neo4j was not running")


@neo4j.command("status")
@STATE_DIR
def neo4j_status(state_dir: str | None) -> None:
    """Say whether the local Neo4j runs, and where."""
    from govkg.graph import local_neo4j

    with _errors():
        server = local_neo4j.status(Path(state_dir) if state_dir else None)
    if server is None:
        click.echo("Neo4j is not running")
        sys.exit(3)
    click.echo(f"Neo4j is running (pid {server.pid}): {server.bolt_uri}  {server.browser_url}")


def connection_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--uri/--username/--password/--database, defaulting to the NEO4J_* variables."""
    for option in reversed([
        click.option("--uri", envvar="NEO4J_URI", help="Bolt/neo4j URI [env NEO4J_URI; default: the local server]."),
        click.option("--username", envvar="NEO4J_USERNAME", default="neo4j", show_default=True, help="[env NEO4J_USERNAME]"),
        click.option("--password", envvar="NEO4J_PASSWORD", help="[env NEO4J_PASSWORD]", show_default=False),
        click.option("--database", envvar="NEO4J_DATABASE", help="[env NEO4J_DATABASE; default: the server's]"),
        STATE_DIR,
    ]):
        command = option(command)
    return command


@cli.command()
@click.argument("name")
@PARAM
@FORMAT
@connection_options
def query(name: str, params: tuple[str, ...], fmt: str, uri: str | None, username: str, password: str | None,
          database: str | None, state_dir: str | None) -> None:
    """Run the canned query NAME on Neo4j (see `govkg queries`).

    Example: govkg query region_partners --param region=青浦区 --format table
    """
    from govkg.graph.neo4j_store import connect
    from govkg.queries.catalog import get

    with _errors():
        canned = get(name)
        values = canned.parameters(_params(params))
        with connect(uri, username, password, database, state_dir) as store:
            rows = store.run(canned.cypher, **values)
    click.echo(_render(rows, fmt, rows.columns), nl=False)


@cli.command()
@click.argument("files", nargs=-1, required=True)
@connection_options
@click.option("--batch-size", type=click.IntRange(min=1), default=10_000, show_default=True,
              help="Rows per transaction: several reports are loaded together until a transaction holds this many.")
@click.option("--model", help="An installed trained spaCy pipeline to start from.")
@WORKERS
@SCHEDULER
@hint_options
def load(files: tuple[str, ...], uri: str | None, username: str, password: str | None, database: str | None,
         state_dir: str | None, batch_size: int, model: str | None, workers: int, scheduler: str | None,
         region: str | None, year: int | None, title: str | None) -> None:
    """Extract report FILES (or folders) and load them into Neo4j; each report loads whole or not at all.

    A report is its reporting body and year: a second text of the same report replaces the
    first (with a warning naming both files when they differ).
    """
    from govkg.loaders.batch import ReportIdentity, report_files
    from govkg.loaders.parallel import WRITER_FIRST_NICENESS

    loaded, failures = 0, []
    identity = ReportIdentity()
    with _errors():
        paths = report_files(files)
        # the workers' fork server loads the pipeline while this process imports the driver and connects
        outcomes = _outcomes(paths, model, workers, scheduler, _hints(region, year, title), WRITER_FIRST_NICENESS)
        from govkg.graph.neo4j_store import connect

        store = connect(uri, username, password, database, state_dir)
    started = time.perf_counter()
    with store, _errors():
        store.ensure_schema()
        with _progress(len(paths), "loading") as bar:

            def extractions() -> Iterator[Any]:
                for outcome in outcomes:
                    if outcome.extraction is None:
                        failures.append(outcome.error)
                        bar.update(1)
                    else:
                        warning = identity.add(outcome.extraction)
                        if warning:
                            click.echo(f"warning: {warning}", err=True)
                        yield outcome.extraction

            for result in store.load_all(extractions(), batch_size=batch_size):
                bar.update(1)
                if result.error:
                    failures.append(f"{result.source}: {result.error}")
                else:
                    loaded += 1
        counts = store.count_nodes_by_label()
    from govkg.ontology.schema import load_schema

    tops = [load_schema().classes[name].cypher_name for name in load_schema().top_classes]
    click.echo(f"loaded {loaded} report(s) in {time.perf_counter() - started:.1f}s into {store.connection.uri} ({identity.summary()})")
    click.echo("nodes: " + ", ".join(f"{label} {counts[label]}" for label in tops if counts.get(label)))
    _finish(failures, loaded + len(failures))


@cli.command()
@click.argument("files", nargs=-1, required=True)
@click.option("--html", "html_out", type=click.Path(dir_okay=False), help="Write a self-contained HTML page here.")
@click.option("--png", "png_out", type=click.Path(dir_okay=False), help="Write a PNG picture here.")
@click.option("--title", help="Title of the picture.")
@click.option("--model", help="An installed trained spaCy pipeline to start from.")
def viz(files: tuple[str, ...], html_out: str | None, png_out: str | None, title: str | None, model: str | None) -> None:
    """Draw the cross-region network (regions, zones, agreements, points, centres) of report FILES."""
    if not (html_out or png_out):
        raise click.UsageError("give --html FILE and/or --png FILE")
    extractions, failures = _extract_all(files, model)
    if failures:  # a picture of some of the reports would pass for all of them
        _finish(failures, len(extractions) + len(failures))
    from govkg.graph.viz import DEFAULT_TITLE, network_of, write_html, write_png

    with _errors():
        network = network_of(extractions)
        if html_out:
            write_html(network, html_out, title or DEFAULT_TITLE)
            click.echo(f"wrote {html_out}", err=True)
        if png_out:
            write_png(network, png_out, title or DEFAULT_TITLE)
            click.echo(f"wrote {png_out}", err=True)
    _finish(failures, len(extractions) + len(failures))


@cli.command()
@click.option("-o", "--output", "folder", type=click.Path(file_okay=False), default="out/browser", show_default=True,
              help="Folder to write the style (govkg.grass) and the guide page into.")
@STATE_DIR
def browser(folder: str, state_dir: str | None) -> None:
    """Say how to open the govkg guide in Neo4j Browser, and write the style and the guide to a folder.

    The local server serves both at /browser/govkg/: `:guide URL` in Browser's editor opens
    the guide, whose first slide loads the style.
    """
    from govkg.graph import local_neo4j
    from govkg.graph.browser_guide import guide_url, style_url, write_browser_files

    server = local_neo4j.status(Path(state_dir) if state_dir else None)
    with _errors():
        style, guide = write_browser_files(Path(folder), server.browser_url if server else None)
    if server:
        click.echo(f"Open {server.browser_url} and log in as neo4j (password: {server.state_dir / 'password'} or NEO4J_PASSWORD).")
        click.echo("Then type this into Browser's editor and press Enter:")
        click.echo(f"  :guide {guide_url(server.browser_url)}")
        click.echo(f"The guide's first slide loads the style (:style {style_url(server.browser_url)}); "
                   f"or drag {style} onto the Browser window.")
        click.echo("On each question's slide, one click on the ▶ before its first block runs it with the values "
                   "in the slide's boxes (type another value first to ask about it).")
    else:
        click.echo("The local Neo4j is not running: `govkg neo4j start` serves the guide and the style at /browser/govkg/.")
        click.echo(f"With another Neo4j: drag {style} onto its Browser window for the style;")
        click.echo(f"the guide ({guide}) needs a web server on a host in that server's browser.remote_content_hostname_allowlist.")
    click.echo(f"wrote {style} and {guide}", err=True)
