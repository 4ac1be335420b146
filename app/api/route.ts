// `/api` itself: the same JSON 404 as any other path under /api (it got the HTML 404 page).
export { DELETE, GET, OPTIONS, PATCH, POST, PUT } from "./[...path]/route"
