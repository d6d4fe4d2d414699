import { Component } from '@angular/core';

@Component({
  selector: 'heard-ui',
  imports: [],
  templateUrl: './ui.html',
  styleUrl: './ui.css',
})
export class Ui {}
