import transitions from './transitions';

export default { transitions };
