/**
 * An image reference that does not follow the Docker reference grammar. A container's
 * own image failing to parse is data (an ERROR entry in an upgrade plan); a posted image
 * failing to parse is the caller's mistake, which the gateway answers with BAD_USER_INPUT.
 */
export class ImageParseError extends Error {
  override readonly name = 'ImageParseError';

  constructor(
    /** the reference as given */
    readonly spec: string,
    /** what is wrong with it, without the reference */
    readonly problem: string,
  ) {
    super(`invalid image reference ${JSON.stringify(spec)}: ${problem}`);
  }
}
