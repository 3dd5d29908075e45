/**
 * Bot API errors with Telegram's exact descriptions. Handlers throw ApiError;
 * the server turns it into the `{ok:false,error_code,description,parameters}`
 * envelope with HTTP status = error_code.
 */
export interface ResponseParameters {
  retry_after?: number;
  migrate_to_chat_id?: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: ResponseParameters,
  ) {
    super(description);
    this.name = "ApiError";
  }
}

const bad = (text: string) => new ApiError(400, `Bad Request: ${text}`);

/** Factories rather than shared instances: errors carry stack traces and may be mutated. */
export const Errors = {
  unauthorized: () => new ApiError(401, "Unauthorized"),
  methodNotFound: () => new ApiError(404, "Not Found: method not found"),
  notFound: () => new ApiError(404, "Not Found"),
  tooLarge: () => new ApiError(413, "Request Entity Too Large"),
  tooManyRequests: (retryAfter: number) =>
    new ApiError(429, `Too Many Requests: retry after ${retryAfter}`, { retry_after: retryAfter }),
  conflict: () =>
    new ApiError(
      409,
      "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running",
    ),
  blocked: () => new ApiError(403, "Forbidden: bot was blocked by the user"),
  deactivated: () => new ApiError(403, "Forbidden: user is deactivated"),
  cantInitiate: () => new ApiError(403, "Forbidden: bot can't initiate conversation with a user"),
  notMember: (kind: string) => new ApiError(403, `Forbidden: bot is not a member of the ${kind} chat`),
  chatNotFound: () => bad("chat not found"),
  chatIdEmpty: () => bad("chat_id is empty"),
  textEmpty: () => bad("message text is empty"),
  textTooLong: () => bad("message is too long"),
  captionTooLong: () => bad("message caption is too long"),
  buttonDataInvalid: () => bad("BUTTON_DATA_INVALID"),
  buttonUrlInvalid: () => bad("BUTTON_URL_INVALID"),
  textButtonsUnallowed: () =>
    bad("can't parse inline keyboard button: Text buttons are unallowed in the inline keyboard"),
  badMarkup: () => bad("can't parse reply keyboard markup JSON object"),
  badEntitiesJson: () => bad("can't parse entities JSON object"),
  cantParseEntities: (detail: string) => bad(`can't parse entities: ${detail}`),
  unsupportedParseMode: () => bad("unsupported parse_mode"),
  messageToEditNotFound: () => bad("message to edit not found"),
  messageCantBeEdited: () => bad("message can't be edited"),
  noTextToEdit: () => bad("there is no text in the message to edit"),
  noCaptionToEdit: () => bad("there is no caption in the message to edit"),
  notModified: () =>
    bad(
      "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
    ),
  messageIdMissing: () => bad("message identifier is not specified"),
  messageToDeleteNotFound: () => bad("message to delete not found"),
  messageToCopyNotFound: () => bad("message to copy not found"),
  messageToForwardNotFound: () => bad("message to forward not found"),
  replyNotFound: () => bad("message to be replied not found"),
  queryTooOld: () => bad("query is too old and response timeout expired or query ID is invalid"),
  fileTooBig: () => bad("file is too big"),
  wrongFileId: () => bad("wrong file identifier/HTTP URL specified"),
  fileEmpty: () => bad("file must be non-empty"),
  noFileInRequest: (field: string) => bad(`there is no ${field} in the request`),
  wrongAction: () => bad("wrong parameter action in request"),
  commandInvalid: () => bad("BOT_COMMAND_INVALID"),
  commandDescriptionInvalid: () => bad("BOT_COMMAND_DESCRIPTION_INVALID"),
  descriptionTooLong: () => bad("description is too long"),
  privateChatLeave: () => bad("chat member status can't be changed in private chats"),
  inlineUnsupported: () => bad("MESSAGE_ID_INVALID"),
  invalidJson: () => bad("invalid JSON in request body"),
  badParam: (text: string) => bad(text),
};
