"""Official reports (Nghị định 30/2020/NĐ-CP layout) in PDF and Excel, built from accepted data.

- `data`: the figures of each report, assembled once into a JSON-able snapshot;
- `document`: the official frame (agency header, number, place and date, signature);
- `pdf`, `excel`: the two renderings of a snapshot;
- `services`: asking for a report and the background job that generates and stores it;
- `selectors`, `permissions`: who may produce and read which generated reports.
"""
