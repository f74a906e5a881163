import { stopRetries } from './bootstrap';

const destroy = () => stopRetries();

export default destroy;
