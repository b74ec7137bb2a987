import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { codePointSpan, signedOffArticle } from "../api/workflow-helpers";
import { storageStateOf } from "../fixtures";
import { SAME_ORIGIN } from "../security-helpers";

test.use({ storageState: storageStateOf("manager") });

const TEXT = `Export headline ${Date.now()}\n\nМосква и Пекин 🤝 agreed on trade.\r\nThe U.S. objected, an official said.`;

test("manager creates a dataset version after sign-off and downloads the zip; every file reads back", async ({ page, request }) => {
  test.setTimeout(120_000);
  const claim = codePointSpan(TEXT, "Москва и Пекин 🤝 agreed on trade.");
  const { projectId } = await signedOffArticle(request, TEXT, [{ type: "CLAIM", ...claim, attributes: { checkworthy: "yes", stance: [{ target: "Russia–China partnership", value: 1 }] } }]);

  await page.goto(`/projects/${projectId}`);
  await page.getByRole("navigation", { name: "Project" }).getByRole("link", { name: "Exports" }).click();
  await expect(page.getByTestId("create-dataset-form")).toBeVisible();
  await page.getByLabel("Seed").fill("7");
  // Native JSONL and both CSVs are the default; two more formats are chosen here.
  const formats = page.getByTestId("dataset-formats");
  await expect(formats.getByLabel("Sentence CSV")).toBeChecked();
  await expect(formats.getByLabel("brat standoff")).not.toBeChecked();
  await formats.getByLabel("brat standoff").check();
  await formats.getByLabel("SemEval-2016 stance TSV").check();
  await page.getByRole("button", { name: "Create dataset version" }).click();
  await expect(page.getByTestId("dataset-build")).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });

  await page.reload();
  const row = page.getByTestId("dataset-versions").locator("tbody tr").first();
  await expect(row).toContainText("done");
  const number = await row.getAttribute("data-version");
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`download-zip-${number}`).click()]);
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const zipPath = test.info().outputPath("dataset.zip");
  await download.saveAs(zipPath);

  // An independent reader: Python's zipfile lists the archive and checks every CRC, and the native
  // JSONL holds our span with text equal to the code-point slice of the document text.
  const check = `
import json, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
names = z.namelist()
native = [n for n in names if n.endswith("native.jsonl")][0]
found = 0
for line in z.read(native).decode("utf-8").splitlines():
    doc = json.loads(line)
    for span in doc["spans"]:
        assert doc["text"][span["start"]:span["end"]] == span["text"], span
        if span["text"] == sys.argv[2]:
            found += 1
print(json.dumps({"names": names, "found": found}))
`;
  const result = JSON.parse(execFileSync("python3", ["-c", check, zipPath, "Москва и Пекин 🤝 agreed on trade."], { encoding: "utf8" })) as { names: string[]; found: number };
  expect(result.found).toBeGreaterThanOrEqual(1);
  for (const expected of ["manifest.json", "native.jsonl", ".csv", ".ann", ".tsv"]) {
    expect(result.names.some((n) => n.endsWith(expected)), `zip has *${expected}`).toBe(true);
  }
});

test("a format the version was not built with is built at its first download and stays the same", async ({ page, request }) => {
  test.setTimeout(120_000);
  const { projectId } = await signedOffArticle(request, `Later format ${Date.now()}\n\nThe U.S. objected, an official said.`, []);
  const created = await request.post(`/api/v1/projects/${projectId}/datasets`, { data: {}, headers: SAME_ORIGIN });
  expect(created.status()).toBe(202);
  const { number, taskId } = (await created.json()) as { number: number; taskId: string };
  await expect.poll(async () => ((await (await request.get(`/api/v1/tasks/${taskId}`)).json()) as { status: string }).status, { timeout: 60_000 }).toBe("DONE");

  await page.goto(`/projects/${projectId}/exports?version=${number}`);
  const row = page.getByTestId("version-formats").locator('tr[data-format="checkworthy-tsv"]');
  await expect(row.getByTestId("format-checkworthy-tsv")).toHaveCount(0);
  await row.getByRole("button", { name: "Build checkworthy-tsv" }).click();
  const link = row.getByTestId("format-checkworthy-tsv");
  await expect(link).toBeVisible({ timeout: 60_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const zipPath = test.info().outputPath("checkworthy.zip");
  await download.saveAs(zipPath);
  const names = execFileSync("python3", ["-c", "import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print(' '.join(z.namelist()))", zipPath], { encoding: "utf8" }).trim();
  expect(names).toBe("checkworthy.tsv");
  // Stored: the same bytes again, and the version's own zip still holds only its formats.
  const again = await request.get(`/api/v1/projects/${projectId}/datasets/${number}/formats/checkworthy-tsv`);
  expect(again.status()).toBe(200);
  expect(Buffer.compare(await again.body(), readFileSync(zipPath))).toBe(0);
  const detail = (await (await request.get(`/api/v1/projects/${projectId}/datasets/${number}`)).json()) as { formats: string[]; laterFormats: string[] };
  expect(detail).toMatchObject({ formats: ["native-jsonl", "sentences-csv", "spans-csv"], laterFormats: ["checkworthy-tsv"] });
  const unknown = await request.get(`/api/v1/projects/${projectId}/datasets/${number}/formats/excel`);
  expect(unknown.status()).toBe(404);
});
