/** One error of the dry run, where it is in the file. */
export interface ErreurLigne {
  ligne: number;
  colonne: string;
  message: string;
}
