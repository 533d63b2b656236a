"""CSV files for neo4j-admin: one per label set and per type, typed headers."""
import csv

from kg.neo4j.bulk import write_import_csv


def test_files_headers_and_command(tiny_graph, tmp_path):
    export = write_import_csv(tiny_graph, tmp_path)
    names = {p.name for p in export.nodes + export.relationships}
    assert {"nodes_Official.csv", "nodes_Place_City.csv", "relationships_HOLDS.csv"} <= names
    with (tmp_path / "nodes_Official.csv").open(encoding="utf-8") as fh:
        header, row = list(csv.reader(fh))
    assert header[0] == "id:ID" and "titles:string[]" in header and header[-1] == ":LABEL"
    assert row[header.index("titles:string[]")] == "市委书记"
    with (tmp_path / "nodes_Metric.csv").open(encoding="utf-8") as fh:
        assert "value:double" in next(csv.reader(fh))
    command = export.command("kg")
    assert command.startswith("neo4j-admin database import full kg") and "--array-delimiter=;" in command


def test_the_schema_to_run_after_the_import_is_written_beside(tiny_graph, tmp_path):
    from kg.neo4j.cypher import schema_statements
    from kg.neo4j.queries import split_statements

    export = write_import_csv(tiny_graph, tmp_path)
    assert split_statements(export.schema.read_text(encoding="utf-8")) == schema_statements()
