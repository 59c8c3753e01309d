import fs from 'node:fs';
import ExcelJS from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { STATUS_FIELD } from '../../src/api/workflow/services/workflow';
import { runInternal } from '../harness/runtime';
import { completeData, createOficio, dataFor, OFICIO_UID } from '../harness/workflow-fixtures';
import {
  loginInBrowser,
  openAdmin,
  pageErrors,
  screenshot,
  useBrowserApp,
  waitForAppIdle,
  waitForHeading,
} from './harness';
import { blockingAxeViolations, docsScreenshot, PHONE, scrollsSideways } from './page-checks';

/** Search results are rows named by the oficio's folio. */
const resultRow = (page: Page, folio: string) =>
  page.getByRole('row', { name: folio, exact: true });

/** The text of a downloaded file. */
const downloadedText = async (download: Download) => {
  const file = await download.path();
  if (!file) throw new Error(`La descarga ${download.suggestedFilename()} no se guardó`);
  return fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
};

/** Rows of a CSV text (comma or semicolon separated, quoted fields allowed). */
const parseCsv = (text: string): string[][] => {
  const separator = (text.split(/\r?\n/)[0].match(/;/g)?.length ?? 0) > 0 ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((cells) => cells.some((cell) => cell.trim()));
};

/** An exceljs cell value as the text staff read. */
const cellText = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    if ('result' in value) return String(value.result ?? '');
  }
  return String(value);
};

describe('Oficios: la coordinación encuentra, filtra y exporta cualquier oficio', () => {
  const ctx = useBrowserApp();

  it('encuentra por folio desde el buscador un oficio atendido, filtra por área y estado y exporta la vista en CSV y Excel', async () => {
    const { app } = ctx;
    const page = await ctx.newPage();
    const coordinator = await loginInBrowser(page, 'coordinador_comunicacion');

    // Given: an answered oficio of Cultura, an open one of Cultura asking for a design and an
    // answered one of Turismo.
    const answered = await createOficio(app, {
      area: 'DC',
      subject: 'Difusión del Festival de la Primavera 2027',
    });
    const response = await dataFor(app, 'oficio', 'atendido', 'atendido');
    await runInternal(() =>
      app.strapi.documents(OFICIO_UID).update({
        documentId: answered.documentId,
        data: { ...response, [STATUS_FIELD]: 'atendido' } as never,
      })
    );
    const open = await createOficio(app, {
      area: 'DC',
      subject: 'Cartel del Festival de la Primavera 2027',
    });
    await app.strapi.documents('api::design.design').create({
      data: {
        ...completeData('design', coordinator.user.id),
        title: 'Cartel del festival',
        oficio: open.documentId,
      } as never,
    });
    const otherArea = await createOficio(app, {
      area: 'DT',
      subject: 'Ruta turística de la Primavera 2027',
    });
    await runInternal(() =>
      app.strapi.documents(OFICIO_UID).update({
        documentId: otherArea.documentId,
        data: { ...response, [STATUS_FIELD]: 'atendido' } as never,
      })
    );
    const folio = String(answered.folio);
    const openFolio = String(open.folio);
    const otherFolio = String(otherArea.folio);

    // When: she types the folio in the plugin's search box on Bandejas and presses Enter.
    await openAdmin(page, '/plugins/comunicacion/bandejas');
    await waitForHeading(page, 'Bandejas');
    const searchBox = page.getByRole('searchbox', {
      name: 'Buscar oficios por folio, asunto o referencia',
    });
    await searchBox.fill(folio);
    await screenshot(page, 'buscador-con-folio');
    await searchBox.press('Enter');

    // Then: the oficio's own page opens, answered.
    await page.waitForURL(new RegExp(`/oficios/${answered.documentId}$`));
    await waitForHeading(page, folio);
    await waitForAppIdle(page);
    await expect(page.locator('[data-status="atendido"]').first().textContent()).resolves.toMatch(
      /Atendido/
    );
    await screenshot(page, 'oficio-encontrado');

    // A text that is not a folio lists what matches on the «Oficios» page.
    await searchBox.fill('Primavera 2027');
    await searchBox.press('Enter');
    await page.waitForURL(/\/oficios\?q=Primavera/);
    await waitForHeading(page, 'Oficios');
    await waitForAppIdle(page);
    for (const shown of [folio, openFolio, otherFolio]) await resultRow(page, shown).waitFor();
    // Each result names the services it asks for.
    await expect(
      resultRow(page, openFolio).getByText('Diseño', { exact: true }).count()
    ).resolves.toBe(1);

    // When: she narrows it to Cultura's answered oficios.
    const area = page.getByRole('combobox', { name: 'Área' });
    // The area is looked up by any part of its name, as staff type it.
    await area.click();
    await area.pressSequentially('Cultura');
    await screenshot(page, 'area-por-nombre');
    await page.getByRole('option', { name: 'Dirección de Cultura (DC)' }).click();
    await page.waitForURL(/[?&]area=/);
    await waitForAppIdle(page);
    await page.getByRole('combobox', { name: 'Estado' }).click();
    await page.getByRole('option', { name: 'Atendido', exact: true }).click();
    await page.waitForURL(/[?&]status=atendido/);
    await waitForAppIdle(page);

    // Then: only the answered oficio of Cultura is left, its folio opening its page.
    await resultRow(page, folio).waitFor();
    await resultRow(page, openFolio).waitFor({ state: 'detached' });
    await resultRow(page, otherFolio).waitFor({ state: 'detached' });
    const row = resultRow(page, folio);
    await expect(row.getByRole('link', { name: folio }).getAttribute('href')).resolves.toMatch(
      new RegExp(`/oficios/${answered.documentId}$`)
    );
    await expect(row.getByText('Atendido', { exact: true }).count()).resolves.toBe(1);
    await expect(row.getByText('Difusión del Festival de la Primavera 2027').count()).resolves.toBe(
      1
    );
    await screenshot(page, 'oficios-filtrados');
    await docsScreenshot(page, 'oficios');
    expect(await blockingAxeViolations(page, 'Oficios')).toEqual([]);

    // The filters live in the URL: back brings the open oficio again, forward hides it again.
    await page.goBack();
    await page.waitForURL((url) => !url.searchParams.has('status'));
    await resultRow(page, openFolio).waitFor();
    await page.goForward();
    await page.waitForURL(/[?&]status=atendido/);
    await resultRow(page, openFolio).waitFor({ state: 'detached' });
    const filters = new URL(page.url()).searchParams;

    // The folio opens the oficio, and «Volver a Oficios» returns to this very search.
    await resultRow(page, folio).getByRole('link', { name: folio }).click();
    await waitForHeading(page, folio);
    await page.getByRole('link', { name: 'Volver a Oficios' }).click();
    await page.waitForURL(/\/oficios\?.*status=atendido/);
    await resultRow(page, folio).waitFor();
    expect(new URL(page.url()).searchParams.toString()).toBe(filters.toString());

    // When: she exports the view as CSV.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar CSV' }).click(),
    ]);
    // Then: the file holds the filtered view with Spanish headers.
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const csvRows = parseCsv(await downloadedText(csv));
    expect(csvRows[0]).toContain('Folio');
    const folioColumn = csvRows[0].indexOf('Folio');
    const csvFolios = csvRows.slice(1).map((cells) => cells[folioColumn]);
    expect(csvFolios).toEqual([folio]);

    // When: she exports it as Excel.
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Exportar Excel' }).click(),
    ]);
    // Then: the workbook's first sheet holds the same rows.
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const file = await xlsx.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(String(file));
    const sheet = workbook.worksheets[0];
    const headers: string[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, column) => {
      headers[column - 1] = cellText(cell.value);
    });
    expect(headers).toContain('Folio');
    const xlsxFolios: string[] = [];
    sheet.eachRow((sheetRow, number) => {
      if (number > 1)
        xlsxFolios.push(cellText(sheetRow.getCell(headers.indexOf('Folio') + 1).value));
    });
    expect(xlsxFolios).toEqual([folio]);
    // The export followed the page's filters, not a default view.
    expect(filters.get('area')).toBeTruthy();
    expect(filters.get('status')).toBe('atendido');

    // On a phone the filters wait behind «Filtros» and the results are cards.
    await page.setViewportSize(PHONE);
    await waitForAppIdle(page);
    const toggle = page.getByRole('button', { name: /^Filtros/ });
    await toggle.waitFor();
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(page.getByRole('combobox', { name: 'Área' }).count()).resolves.toBe(0);
    await page
      .getByRole('list', { name: 'Resultados' })
      .getByRole('link', { name: folio })
      .waitFor();
    expect(await scrollsSideways(page)).toBe(false);
    await screenshot(page, 'oficios-telefono');
    expect(await blockingAxeViolations(page, 'Oficios en teléfono')).toEqual([]);

    expect(pageErrors(page)).toEqual([]);
  });

  it('una búsqueda sin resultados lo dice en español', async () => {
    const page = await ctx.newPage();
    await loginInBrowser(page, 'coordinador_comunicacion');
    await openAdmin(page, '/plugins/comunicacion/oficios?q=sin%20coincidencias%20xyz');
    await waitForHeading(page, 'Oficios');
    await page.getByText('Ningún oficio coincide con la búsqueda.').waitFor();
    await expect(page.getByRole('button', { name: 'Exportar CSV' }).isDisabled()).resolves.toBe(
      true
    );
    await screenshot(page, 'oficios-sin-resultados');
    expect(pageErrors(page)).toEqual([]);
  });
});
