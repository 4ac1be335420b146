// Writes the API field table from the field registry into docs/api.md, between its
// <!-- fields:start --> and <!-- fields:end --> markers. Run with `npm run docs:fields`, which
// then has Prettier align the table.
import { readFileSync, writeFileSync } from "node:fs"
import { join } from "node:path"

import { fieldTableMarkdown, withFieldTable } from "../lib/plan/field-table"

const path = join(import.meta.dirname, "..", "docs", "api.md")
writeFileSync(path, withFieldTable(readFileSync(path, "utf8"), fieldTableMarkdown()))
console.log(`Wrote the field table into ${path}.`)
