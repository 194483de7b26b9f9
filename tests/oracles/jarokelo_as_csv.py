"""Writes the Járókelő reports (shared data, JSON Lines, gzip) as the CSV a stranger's export would be:
other column names, every value as text, Python's csv quoting. The values are the file's own, unchanged;
only the container and the column names differ, so that `import --map` reads it through the generic CSV
path and not through the built-in Járókelő mapping.

Usage: python3 jarokelo_as_csv.py <reports.jsonl.gz> <out.csv>
"""

import csv
import gzip
import json
import re
import sys

# The stranger's column -> the Járókelő field it carries.
COLUMNS = {
    "report_no": None,  # the number inside the report's url
    "submitted": "date",
    "topic": "category",
    "y_wgs84": "latitude",
    "x_wgs84": "longitude",
    "headline": "title",
    "details": "description",
    "state": "status",
    "first_reply": "first_authority_response_date",
    "closed_on": "resolution_date",
    "location": "address",
    "handled_by": "institution",
}

URL_NUMBER = re.compile(r"/bejelentesek/[^/]+/(\d+)")


def main(source: str, target: str) -> None:
    with gzip.open(source, "rt", encoding="utf-8") as lines, open(
        target, "w", encoding="utf-8", newline=""
    ) as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for line in lines:
            if not line.strip():
                continue
            report = json.loads(line)
            number = URL_NUMBER.search(report["url"]).group(1)
            writer.writerow([number] + [report.get(field) or "" for field in list(COLUMNS.values())[1:]])


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
