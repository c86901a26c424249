from schemas import SCHEMA_FILE, document_summary_schema

SCHEMA_FILE.write_text(document_summary_schema(), encoding="utf-8")
print(f"wrote {SCHEMA_FILE}")
