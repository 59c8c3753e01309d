/** Lo que se revisa de una contraseña nueva antes de enviarla (el servidor revisa de nuevo). */

const MIN_LENGTH = 8;

/** Los problemas de una contraseña nueva y su confirmación, para `reportProblems`. */
export const passwordProblems = (password, confirmation) => {
  const problems = [];
  if (password.value.length < MIN_LENGTH)
    problems.push({
      control: password,
      message: `La contraseña nueva necesita al menos ${MIN_LENGTH} caracteres.`,
    });
  if (confirmation.value !== password.value)
    problems.push({ control: confirmation, message: 'Las dos contraseñas no coinciden.' });
  return problems;
};
