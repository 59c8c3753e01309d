/**
 * Lo que se revisa de una contraseña nueva antes de enviarla; el servidor revisa lo mismo
 * (`WEAK_PASSWORD`) por cualquier puerta.
 */

const MIN_LENGTH = 10;

/** Los problemas de una contraseña nueva y su confirmación, para `reportProblems`. */
export const passwordProblems = (password, confirmation) => {
  const problems = [];
  const value = password.value;
  if (
    value.length < MIN_LENGTH ||
    !/[a-z]/.test(value) ||
    !/[A-Z]/.test(value) ||
    !/\d/.test(value)
  )
    problems.push({
      control: password,
      message: `La contraseña nueva necesita al menos ${MIN_LENGTH} caracteres, con mayúscula, minúscula y número.`,
    });
  if (confirmation.value !== value)
    problems.push({ control: confirmation, message: 'Las dos contraseñas no coinciden.' });
  return problems;
};
