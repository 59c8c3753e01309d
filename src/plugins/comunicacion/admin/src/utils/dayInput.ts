/** A date picker's local date as a business day (YYYY-MM-DD). */
export const toDay = (date: Date | undefined | null) =>
  date
    ? `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(
        date.getDate()
      ).padStart(2, '0')}`
    : null;

/** A business day (YYYY-MM-DD) as the date picker's local date. */
export const fromDay = (value: string | undefined | null) => {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const [year, month, day] = value.split('-').map(Number);
  return new Date(year, month - 1, day);
};
